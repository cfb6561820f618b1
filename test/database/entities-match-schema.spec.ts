import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

// The migrations own everything the entities do not declare, on purpose: foreign keys, indexes (partial and
// expression ones included), check and unique constraints, column defaults and table comments. TypeORM's schema
// builder proposes to drop each of those; those proposals are not a disagreement. Every other statement is one:
// a table or column missing or extra, a type or nullability that differs.
const DELIBERATE: RegExp[] = [
  /^ALTER TABLE "\w+" DROP CONSTRAINT "\w+"$/,
  /^DROP INDEX "public"\."\w+"$/,
  /^ALTER TABLE "\w+" ALTER COLUMN "\w+" DROP DEFAULT$/,
  /^COMMENT ON TABLE "\w+" IS NULL$/,
  // User.schools' join table: TypeORM would add its own indexes and ON DELETE CASCADE keys under generated names.
  // The migration's keys (no cascade: schools and users are disabled, never deleted), its primary key and
  // user_school_school_idx already cover both columns.
  /^CREATE INDEX "IDX_\w+" ON "user_school" {2}\("(user_id|school_id)"\) $/,
  /^ALTER TABLE "user_school" ADD CONSTRAINT "FK_\w+" FOREIGN KEY \("(user_id|school_id)"\) REFERENCES "(app_user|school)"\("id"\) ON DELETE CASCADE ON UPDATE CASCADE$/,
];

const schemaDisagreements = async (source: DataSource): Promise<string[]> => {
  const { upQueries } = await source.driver.createSchemaBuilder().log();
  return upQueries.map((q) => q.query).filter((sql) => !DELIBERATE.some((re) => re.test(sql)));
};

describe('entities and the migrated schema', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('agree: TypeORM finds no table, column, type or nullability to change in a fully migrated database', async () => {
    expect(await schemaDisagreements(t.app.get(DataSource))).toEqual([]);
  });

  it('would notice a column the migrations lost', async () => {
    const source = t.app.get(DataSource);
    await source.query(`ALTER TABLE deadline DROP COLUMN closed_as`);
    expect(await schemaDisagreements(source)).toEqual([
      expect.stringMatching(/^ALTER TABLE "deadline" ADD "closed_as" text/),
    ]);
  });
});

import { Client } from 'pg';
import { revertAllMigrations, runMigrations } from '@dh/database';
import { migrations } from '../../migrations';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

const tablesOf = async (url: string): Promise<string[]> => {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    );
    return rows.map((r) => r.tablename);
  } finally {
    await c.end();
  }
};

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  it('go all the way down and up again: every migration has a working down', async () => {
    const before = await tablesOf(db.url);
    expect(before).toEqual(expect.arrayContaining(['audit_event', 'case', 'learner', 'app_user', 'school', 'ward']));
    expect(await revertAllMigrations(db.url)).toBe(migrations.length);
    expect(await tablesOf(db.url)).toEqual([]);
    expect(await runMigrations(db.url)).toHaveLength(migrations.length);
    expect(await tablesOf(db.url)).toEqual(before);
  });

  it('use timestamptz for every time column and uuid for every id', async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query(`
        SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> 'migrations'
           AND (data_type LIKE 'timestamp%' OR column_name = 'id' OR column_name LIKE '%\\_id')`);
      const wrong = rows.filter(
        (r) =>
          (r.data_type.startsWith('timestamp') && r.data_type !== 'timestamp with time zone') ||
          ((r.column_name === 'id' || r.column_name.endsWith('_id')) &&
            r.data_type !== 'uuid' &&
            r.column_name !== 'request_id'),
      );
      expect(wrong).toEqual([]);
    } finally {
      await c.end();
    }
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

// A school's roster, imported from its own Excel or CSV export. A learner gains the national learner ID (sealed,
// with a keyed digest to match it without opening it, unique within the school) and the time a full roster no
// longer listed them (they left; the row stays). Each import keeps its file's rows sealed until it has run, its
// progress and what it refused; each school keeps the column mapping it last confirmed. The ID's column is
// `national_code`: a column named `*_id` holds a uuid in this schema.
export class RosterImport1795000000046 implements MigrationInterface {
  name = 'RosterImport1795000000046';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE learner ADD COLUMN national_code text, ADD COLUMN national_code_digest text,
      ADD COLUMN left_at timestamptz`);
    await q.query(`ALTER TABLE learner ADD CONSTRAINT learner_national_code_pair
      CHECK ((national_code IS NULL) = (national_code_digest IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX learner_national_code_uq ON learner (school_id, national_code_digest)
      WHERE national_code_digest IS NOT NULL`);
    await q.query(`
      CREATE TABLE roster_import (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL REFERENCES school(id),
        file_name text NOT NULL,
        sha256 text NOT NULL,
        file_kind text NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
        status text NOT NULL CHECK (status IN ('preview', 'running', 'done', 'failed')),
        header_row integer NOT NULL,
        headers jsonb NOT NULL,
        rows text NOT NULL,
        mapping jsonb NOT NULL,
        full_roster boolean NOT NULL DEFAULT true,
        rows_total integer NOT NULL,
        rows_read integer NOT NULL DEFAULT 0,
        rows_taken integer NOT NULL DEFAULT 0,
        rows_refused integer NOT NULL DEFAULT 0,
        rows_doubtful integer NOT NULL DEFAULT 0,
        learners_added integer NOT NULL DEFAULT 0,
        learners_updated integer NOT NULL DEFAULT 0,
        learners_left integer NOT NULL DEFAULT 0,
        outcome text,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        confirmed_by uuid REFERENCES app_user(id),
        confirmed_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX roster_import_school_idx ON roster_import (school_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE roster_mapping (
        school_id uuid PRIMARY KEY REFERENCES school(id),
        mapping jsonb NOT NULL,
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roster_mapping`);
    await q.query(`DROP TABLE roster_import`);
    await q.query(`DROP INDEX learner_national_code_uq`);
    await q.query(`ALTER TABLE learner DROP CONSTRAINT learner_national_code_pair`);
    await q.query(`ALTER TABLE learner DROP COLUMN national_code, DROP COLUMN national_code_digest, DROP COLUMN left_at`);
  }
}

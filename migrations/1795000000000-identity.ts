import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795000000000 implements MigrationInterface {
  name = 'Identity1795000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ward (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE school (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ward_id uuid NOT NULL REFERENCES ward(id),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,10}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['counsellor','supervisor','principal','ward_officer','auditor','admin']::text[]),
        ward_id uuid REFERENCES ward(id),
        token_version integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_school (
        user_id uuid NOT NULL REFERENCES app_user(id),
        school_id uuid NOT NULL REFERENCES school(id),
        PRIMARY KEY (user_id, school_id)
      )`);
    await q.query(`CREATE INDEX user_school_school_idx ON user_school (school_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_school`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE school`);
    await q.query(`DROP TABLE ward`);
  }
}

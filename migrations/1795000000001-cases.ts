import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795000000001 implements MigrationInterface {
  name = 'Cases1795000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE learner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        full_name text NOT NULL,
        name_key text NOT NULL,
        date_of_birth date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('nam','nu','khong_ro')),
        class_name text NOT NULL,
        guardians jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // name_key is the name without diacritics, lower case: search and look-alike checks use it.
    await q.query(`CREATE INDEX learner_school_name_idx ON learner (school_id, name_key)`);
    await q.query(`
      CREATE TABLE case_code_counter (
        school_id uuid NOT NULL REFERENCES school(id),
        year integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (school_id, year)
      )`);
    await q.query(`
      CREATE TABLE "case" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        code text NOT NULL UNIQUE,
        learner_id uuid NOT NULL REFERENCES learner(id),
        areas jsonb NOT NULL,
        channel text NOT NULL CHECK (channel IN ('truc_tiep','giao_vien','cha_me','hom_thu','duong_day_nong','truc_tuyen','co_quan')),
        summary text NOT NULL,
        risk_level text NOT NULL CHECK (risk_level IN ('low','medium','high','critical')),
        risk_rationale text NOT NULL,
        assignee_id uuid REFERENCES app_user(id),
        opened_by uuid NOT NULL REFERENCES app_user(id),
        state text NOT NULL,
        snapshot jsonb NOT NULL,
        machine_version text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_school_state_idx ON "case" (school_id, state)`);
    await q.query(`CREATE INDEX case_school_assignee_idx ON "case" (school_id, assignee_id)`);
    await q.query(`CREATE INDEX case_areas_idx ON "case" USING gin (areas jsonb_path_ops)`);
    // The reporter's identity is confidential (Decree 56 Art. 24): kept apart from the narrative.
    await q.query(`
      CREATE TABLE case_reporter (
        case_id uuid PRIMARY KEY REFERENCES "case"(id),
        school_id uuid NOT NULL REFERENCES school(id),
        anonymous boolean NOT NULL,
        name text,
        phone text,
        relationship text
      )`);
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user(id),
        key text NOT NULL,
        case_id uuid NOT NULL REFERENCES "case"(id),
        request_hash text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE case_reporter`);
    await q.query(`DROP TABLE "case"`);
    await q.query(`DROP TABLE case_code_counter`);
    await q.query(`DROP TABLE learner`);
  }
}

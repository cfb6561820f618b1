import { MigrationInterface, QueryRunner } from 'typeorm';

// A learner's or guardian's request under Law 91/2025 (access, rectify, erase, restrict), kept like a case: who
// asked, when it reached the school, its clock, and how it was answered. The requester's name and the details are
// sealed (the shared data key): they name a family member.
export class DataRequests1795000000045 implements MigrationInterface {
  name = 'DataRequests1795000000045';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_request (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL REFERENCES school(id),
        learner_id uuid NOT NULL REFERENCES learner(id),
        kind text NOT NULL CHECK (kind IN ('access', 'rectify', 'erase', 'restrict')),
        requested_by text NOT NULL,
        relationship text NOT NULL,
        details text,
        received_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'done', 'refused')),
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        outcome jsonb,
        CHECK ((status = 'open') = (answered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX data_request_school_idx ON data_request (school_id, received_at DESC)`);
    await q.query(`CREATE INDEX data_request_learner_idx ON data_request (learner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_request`);
  }
}

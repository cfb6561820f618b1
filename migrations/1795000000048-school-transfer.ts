import { MigrationInterface, QueryRunner } from 'typeorm';

// Moving a learner, and each of their open cases, to another school of the installation: asked by the sending
// school, answered by the receiving one. A case's transfer keeps the sequence number of its CASE_TRANSFERRED event:
// the sending school reads the case's chain up to it, and nothing after (docs/decisions.md).
export class SchoolTransfer1795000000048 implements MigrationInterface {
  name = 'SchoolTransfer1795000000048';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_transfer (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('learner', 'case')),
        learner_id uuid NOT NULL REFERENCES learner(id),
        case_id uuid REFERENCES "case"(id),
        from_school_id uuid NOT NULL REFERENCES school(id),
        to_school_id uuid NOT NULL REFERENCES school(id),
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined')),
        requested_by uuid NOT NULL REFERENCES app_user(id),
        requested_at timestamptz NOT NULL,
        legal_basis jsonb,
        consent_ids jsonb,
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        assignee_id uuid REFERENCES app_user(id),
        decline_reason text,
        transfer_seq int,
        CHECK ((kind = 'case') = (case_id IS NOT NULL)),
        CHECK (from_school_id <> to_school_id),
        CHECK ((status = 'requested') = (answered_at IS NULL)),
        CHECK ((status = 'accepted' AND kind = 'case') = (transfer_seq IS NOT NULL))
      )`);
    // One open request at a time for a learner's record and for each case.
    await q.query(
      `CREATE UNIQUE INDEX case_transfer_open_case ON case_transfer (case_id) WHERE status = 'requested' AND kind = 'case'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX case_transfer_open_learner ON case_transfer (learner_id) WHERE status = 'requested' AND kind = 'learner'`,
    );
    await q.query(`CREATE INDEX case_transfer_to_idx ON case_transfer (to_school_id, requested_at DESC)`);
    await q.query(`CREATE INDEX case_transfer_from_idx ON case_transfer (from_school_id, requested_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_transfer`);
  }
}

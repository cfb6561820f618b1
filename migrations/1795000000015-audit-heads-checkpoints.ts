import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditHeadsCheckpoints1795000000015 implements MigrationInterface {
  name = 'AuditHeadsCheckpoints1795000000015';

  async up(q: QueryRunner): Promise<void> {
    // Each case row keeps its chain's head, written in the transaction that appends the event: a newest event
    // deleted, or a whole chain, leaves the row ahead of the chain. 0 / NULL: no event yet.
    await q.query(`ALTER TABLE "case" ADD COLUMN audit_head_seq integer NOT NULL DEFAULT 0, ADD COLUMN audit_head_hash text`);
    await q.query(`
      UPDATE "case" c SET audit_head_seq = e.seq, audit_head_hash = e.hash
        FROM (SELECT DISTINCT ON (case_id) case_id, seq, hash FROM audit_event ORDER BY case_id, seq DESC) e
       WHERE e.case_id = c.id`);
    await q.query(`ALTER TABLE "case" ADD CONSTRAINT case_audit_head CHECK ((audit_head_seq = 0) = (audit_head_hash IS NULL))`);
    // Signed checkpoints of the chains' heads. The files handed out of the database are what counts; these
    // rows serve the latest one and tell which chains moved since.
    await q.query(`
      CREATE TABLE audit_checkpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number integer NOT NULL UNIQUE CHECK (number >= 1),
        taken_at timestamptz NOT NULL,
        digest text NOT NULL,
        key_fingerprint text NOT NULL,
        file_name text NOT NULL,
        document jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_checkpoint_chain (
        case_id uuid NOT NULL REFERENCES "case"(id),
        checkpoint_id uuid NOT NULL REFERENCES audit_checkpoint(id),
        seq integer NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (case_id, checkpoint_id)
      )`);
    await q.query(`CREATE INDEX audit_checkpoint_chain_checkpoint_idx ON audit_checkpoint_chain (checkpoint_id)`);
    // Append-only like the chains they sign.
    for (const table of ['audit_checkpoint', 'audit_checkpoint_chain']) {
      await q.query(`CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoint_chain`);
    await q.query(`DROP TABLE audit_checkpoint`);
    await q.query(`ALTER TABLE "case" DROP CONSTRAINT case_audit_head`);
    await q.query(`ALTER TABLE "case" DROP COLUMN audit_head_hash, DROP COLUMN audit_head_seq`);
  }
}

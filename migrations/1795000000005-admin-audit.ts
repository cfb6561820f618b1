import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminAudit1795000000005 implements MigrationInterface {
  name = 'AdminAudit1795000000005';

  async up(q: QueryRunner): Promise<void> {
    // The admin's changes to users, roles and schools: one chain for the whole installation, like a case's.
    await q.query(`
      CREATE TABLE admin_audit_event (
        seq integer PRIMARY KEY CHECK (seq >= 1),
        type text NOT NULL,
        actor_id uuid,
        actor_role text,
        subject_id uuid,
        payload jsonb NOT NULL,
        request_id text,
        at timestamptz NOT NULL,
        prev_hash text,
        hash text NOT NULL
      )`);
    await q.query(`
      CREATE TRIGGER admin_audit_event_no_update_delete BEFORE UPDATE OR DELETE ON admin_audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER admin_audit_event_no_truncate BEFORE TRUNCATE ON admin_audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_audit_event`);
  }
}

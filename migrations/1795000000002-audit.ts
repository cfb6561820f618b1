import { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1795000000002 implements MigrationInterface {
  name = 'Audit1795000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        case_id uuid NOT NULL REFERENCES "case"(id),
        seq integer NOT NULL CHECK (seq >= 1),
        school_id uuid NOT NULL REFERENCES school(id),
        type text NOT NULL,
        from_state text,
        to_state text,
        actor_id uuid,
        actor_role text,
        payload jsonb NOT NULL,
        request_id text,
        at timestamptz NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`);
    // Append-only, whoever connects: the application's role is refused UPDATE, DELETE and TRUNCATE here
    // even where it owns the table; only a superuser who disables the trigger can change a row.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Escalations1795000000003 implements MigrationInterface {
  name = 'Escalations1795000000003';

  async up(q: QueryRunner): Promise<void> {
    // Set while a supervisor has paused the case's clocks (learner in hospital, school closed by a storm).
    await q.query(`ALTER TABLE "case" ADD COLUMN clocks_paused_at timestamptz`);
    // A clock a case (or a school's report) runs against; closed when the case leaves the state.
    await q.query(`
      CREATE TABLE deadline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        case_id uuid REFERENCES "case"(id),
        kind text NOT NULL,
        label text NOT NULL,
        label_en text NOT NULL,
        state text,
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        escalate_to text[] NOT NULL,
        -- working: the clock runs in working hours and a pause shifts it by paused working time; calendar: by elapsed time.
        clock text NOT NULL CHECK (clock IN ('working','calendar')),
        repeat_days integer,
        paused_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX deadline_case_open_idx ON deadline (case_id) WHERE closed_at IS NULL`);
    // One row per rung of the ladder, due at its own time. The sweep reads only pending rows that are due:
    // the partial index keeps its cost proportional to what is due, not to how many cases are open.
    await q.query(`
      CREATE TABLE deadline_level (
        deadline_id uuid NOT NULL REFERENCES deadline(id),
        level text NOT NULL CHECK (level IN ('reminder','overdue','principal','ward')),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','paused','fired','cancelled')),
        fired_at timestamptz,
        PRIMARY KEY (deadline_id, level)
      )`);
    await q.query(`CREATE INDEX deadline_level_due_idx ON deadline_level (due_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES app_user(id),
        school_id uuid NOT NULL REFERENCES school(id),
        case_id uuid REFERENCES "case"(id),
        deadline_id uuid REFERENCES deadline(id),
        level text NOT NULL,
        reason text NOT NULL,
        reason_en text NOT NULL,
        created_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES app_user(id),
        next_action text
      )`);
    // Exactly once per (deadline, level) and person, whatever the number of sweepers, restarts or crashes.
    await q.query(`CREATE UNIQUE INDEX alert_once_idx ON alert (deadline_id, level, recipient_id) WHERE deadline_id IS NOT NULL`);
    await q.query(`CREATE INDEX alert_inbox_idx ON alert (recipient_id, acknowledged_at, created_at DESC)`);
    await q.query(`
      CREATE TABLE alert_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL UNIQUE REFERENCES alert(id),
        channel text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX alert_outbox_unsent_idx ON alert_outbox (created_at) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_outbox`);
    await q.query(`DROP TABLE alert`);
    await q.query(`DROP TABLE deadline_level`);
    await q.query(`DROP TABLE deadline`);
    await q.query(`ALTER TABLE "case" DROP COLUMN clocks_paused_at`);
  }
}

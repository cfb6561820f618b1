import { MigrationInterface, QueryRunner } from 'typeorm';

// One row per message that leaves the app: an alert to one person by one channel, or one person's daily digest
// by one channel. The row's id is the delivery key the receiver sees (Message-ID, the webhook's id), so a message
// sent again after a crash carries the id it had.
export class AlertDelivery1795000000038 implements MigrationInterface {
  name = 'AlertDelivery1795000000038';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('alert', 'digest')),
        alert_id uuid REFERENCES alert(id),
        digest_date date,
        digest_id uuid REFERENCES alert_delivery(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        school_id uuid REFERENCES school(id),
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        status text NOT NULL CHECK (status IN ('pending', 'held', 'digested', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        locked_until timestamptz,
        lease_id uuid,
        window_started_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        failed_at timestamptz,
        last_error text,
        CHECK ((kind = 'alert') = (alert_id IS NOT NULL)),
        CHECK ((kind = 'digest') = (digest_date IS NOT NULL))
      )`);
    // At most one message per alert and channel (an alert has one recipient), one digest per person, channel and day.
    await q.query(`CREATE UNIQUE INDEX alert_delivery_once_idx ON alert_delivery (alert_id, channel) WHERE kind = 'alert'`);
    await q.query(
      `CREATE UNIQUE INDEX alert_delivery_digest_once_idx ON alert_delivery (user_id, channel, digest_date) WHERE kind = 'digest'`,
    );
    await q.query(`CREATE INDEX alert_delivery_due_idx ON alert_delivery (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX alert_delivery_held_idx ON alert_delivery (user_id, channel) WHERE status = 'held'`);
    await q.query(`CREATE INDEX alert_delivery_failed_idx ON alert_delivery (failed_at DESC) WHERE status = 'failed'`);
    await q.query(`CREATE INDEX alert_delivery_digest_idx ON alert_delivery (digest_id) WHERE digest_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_delivery`);
  }
}

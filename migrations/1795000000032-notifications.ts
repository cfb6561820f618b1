import { MigrationInterface, QueryRunner } from 'typeorm';

// Where a person can be reached outside the app, and how they want to hear of each kind of alert.
export class Notifications1795000000032 implements MigrationInterface {
  name = 'Notifications1795000000032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN email text, ADD COLUMN phone text`);
    // No row for a (channel, level): the default, immediate. Critical risk and protection ignore 'off' and 'digest'.
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id),
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        level text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('immediate', 'digest', 'off')),
        PRIMARY KEY (user_id, channel, level)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone, DROP COLUMN email`);
  }
}

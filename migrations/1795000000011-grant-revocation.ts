import { MigrationInterface, QueryRunner } from 'typeorm';

export class GrantRevocation1795000000011 implements MigrationInterface {
  name = 'GrantRevocation1795000000011';

  async up(q: QueryRunner): Promise<void> {
    // A principal's grant may be ended before its time; who ended it and when stay on the row.
    await q.query(`ALTER TABLE confidential_grant ADD COLUMN revoked_at timestamptz, ADD COLUMN revoked_by uuid REFERENCES app_user(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE confidential_grant DROP COLUMN revoked_by, DROP COLUMN revoked_at`);
  }
}

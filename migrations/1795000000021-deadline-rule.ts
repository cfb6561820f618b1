import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineRule1795000000021 implements MigrationInterface {
  name = 'DeadlineRule1795000000021';

  async up(q: QueryRunner): Promise<void> {
    // Which rule set a deadline's due time (the default duration or a date of the case's plan), shown with it.
    await q.query(`ALTER TABLE deadline ADD COLUMN rule text NOT NULL DEFAULT 'default'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadline DROP COLUMN rule`);
  }
}

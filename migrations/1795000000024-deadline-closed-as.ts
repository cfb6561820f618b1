import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineClosedAs1795000000024 implements MigrationInterface {
  name = 'DeadlineClosedAs1795000000024';

  async up(q: QueryRunner): Promise<void> {
    // How a clock ended where that is more than leaving its state: answered by a follow-up contact ('satisfied'),
    // or stopped early by a supervisor with a reason kept in the case's history ('stopped'). Null otherwise.
    await q.query(`ALTER TABLE deadline ADD COLUMN closed_as text CHECK (closed_as IN ('satisfied', 'stopped'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadline DROP COLUMN closed_as`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeNarrative1795000000026 implements MigrationInterface {
  name = 'IntakeNarrative1795000000026';

  async up(q: QueryRunner): Promise<void> {
    // Mẫu 01's family circumstances and actions already taken, written at intake: sealed like the summary, null
    // where the intake did not record them (every case opened before).
    await q.query(`ALTER TABLE "case" ADD COLUMN family_circumstances text, ADD COLUMN actions_taken text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case" DROP COLUMN family_circumstances, DROP COLUMN actions_taken`);
  }
}

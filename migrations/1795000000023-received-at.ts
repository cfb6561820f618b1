import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReceivedAt1795000000023 implements MigrationInterface {
  name = 'ReceivedAt1795000000023';

  async up(q: QueryRunner): Promise<void> {
    // When the information reached the school; a case opened before this was taken as received when recorded.
    await q.query(`ALTER TABLE "case" ADD COLUMN received_at timestamptz`);
    await q.query(`UPDATE "case" SET received_at = created_at`);
    await q.query(`ALTER TABLE "case" ALTER COLUMN received_at SET NOT NULL`);
    await q.query(`ALTER TABLE "case" ADD CONSTRAINT case_received_before_recorded CHECK (received_at <= created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case" DROP COLUMN received_at`);
  }
}

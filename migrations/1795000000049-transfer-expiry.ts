import { MigrationInterface, QueryRunner } from 'typeorm';

// A transfer request left unanswered for TRANSFER_REQUEST_WORKING_DAYS working days expires: the escalation sweep
// marks it (answered_at is when it expired, answered_by stays empty) and tells the sending school.
export class TransferExpiry1795000000049 implements MigrationInterface {
  name = 'TransferExpiry1795000000049';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_transfer DROP CONSTRAINT case_transfer_status_check`);
    await q.query(
      `ALTER TABLE case_transfer ADD CONSTRAINT case_transfer_status_check
         CHECK (status IN ('requested', 'accepted', 'declined', 'expired'))`,
    );
    // The sweep's question: the requests still waiting, oldest first.
    await q.query(`CREATE INDEX case_transfer_waiting_idx ON case_transfer (requested_at) WHERE status = 'requested'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_transfer_waiting_idx`);
    await q.query(`DELETE FROM case_transfer WHERE status = 'expired'`);
    await q.query(`ALTER TABLE case_transfer DROP CONSTRAINT case_transfer_status_check`);
    await q.query(
      `ALTER TABLE case_transfer ADD CONSTRAINT case_transfer_status_check
         CHECK (status IN ('requested', 'accepted', 'declined'))`,
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

// The case list reads a school's cases newest change first, the id breaking ties (CaseService.list): in this
// index's order, so that a page (by cursor or a near page number) reads its own rows and no more, instead of
// sorting every case of the school on each request.
export class CaseListIndex1795000000040 implements MigrationInterface {
  name = 'CaseListIndex1795000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX case_school_updated_idx ON "case" (school_id, updated_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_school_updated_idx`);
  }
}

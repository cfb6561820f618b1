import { MigrationInterface, QueryRunner } from 'typeorm';

// Every sweep makes sure each school's report clocks exist; without this index that check reads every
// open deadline, and the sweep's cost would grow with them.
export class ReportDeadlineIndex1795000000004 implements MigrationInterface {
  name = 'ReportDeadlineIndex1795000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deadline_school_report_idx ON deadline (school_id, kind, due_at) WHERE case_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deadline_school_report_idx`);
  }
}

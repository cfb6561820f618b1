import { MigrationInterface, QueryRunner } from 'typeorm';

// Migrations 003 and 013 were edited after they had landed (95fe3b2 added case.clocks_paused_at and deadline.clock
// to 003; aba2d99 added referral.seq and swapped referral_case_idx for referral_case_seq in 013). A database that ran
// them as first landed never got those: TypeORM skips a migration it has recorded. This brings such a database level
// and does nothing on one migrated since (every step is guarded by what is already there).
export class LandedMigrationsLevel1795000000030 implements MigrationInterface {
  name = 'LandedMigrationsLevel1795000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case" ADD COLUMN IF NOT EXISTS clocks_paused_at timestamptz`);
    if (!(await hasColumn(q, 'deadline', 'clock'))) {
      await q.query(`ALTER TABLE deadline ADD COLUMN clock text`);
      // The clock a row would have been opened with: calendar days for the kinds whose spec counts them (the
      // machine's plan review, referral feedback and follow-ups, the school-violence notice, every school report
      // clock), working time for the rest. A ward policy that changed a kind's unit is not known to the row.
      await q.query(`
        UPDATE deadline SET clock = CASE
          WHEN case_id IS NULL OR kind IN ('plan_review', 'referral_feedback', 'follow_up_30', 'follow_up_90', 'school_violence_family') THEN 'calendar'
          ELSE 'working' END`);
      await q.query(`ALTER TABLE deadline ALTER COLUMN clock SET NOT NULL`);
      await q.query(`ALTER TABLE deadline ADD CONSTRAINT deadline_clock_check CHECK (clock IN ('working','calendar'))`);
    }
    if (!(await hasColumn(q, 'referral', 'seq'))) {
      await q.query(`ALTER TABLE referral ADD COLUMN seq int`);
      // Numbered in the order they were listed before: by sending time, ties by id as the old index left them.
      await q.query(`
        UPDATE referral r SET seq = n.seq
          FROM (SELECT id, row_number() OVER (PARTITION BY case_id ORDER BY sent_at, id) AS seq FROM referral) n
         WHERE n.id = r.id`);
      await q.query(`ALTER TABLE referral ALTER COLUMN seq SET NOT NULL`);
      await q.query(`ALTER TABLE referral ADD CONSTRAINT referral_seq_check CHECK (seq > 0)`);
    }
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS referral_case_seq ON referral (case_id, seq)`);
    await q.query(`DROP INDEX IF EXISTS referral_case_idx`);
  }

  // Nothing to undo: on a database migrated since, up() added nothing, and 003's and 013's own down drop the columns.
  async down(): Promise<void> {}
}

const hasColumn = async (q: QueryRunner, table: string, column: string): Promise<boolean> =>
  (await q.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`, [table, column])).length > 0;

import { MigrationInterface, QueryRunner } from 'typeorm';
import { learnerNameKey } from '../libs/cases/src/learners/learner-name-key';

const BATCH = 500;

export class LearnerNameSkeleton1795000000017 implements MigrationInterface {
  name = 'LearnerNameSkeleton1795000000017';

  // The look-alike check and the name search compare a learner's name without format characters and with
  // letters of other scripts folded to their Latin look-alike (learnerNameKey, a UTS #39 skeleton). It is a
  // column of its own: name_key (the name without diacritics) keeps the alphabetical order of the lists,
  // which the skeleton would upset ("m" becomes "rn").
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE learner ADD COLUMN skeleton_key text`);
    // Every learner already recorded, a batch at a time; updated_at stays (the learner did not change).
    for (;;) {
      const rows: { id: string; full_name: string }[] = await q.query(
        `SELECT id, full_name FROM learner WHERE skeleton_key IS NULL ORDER BY id LIMIT ${BATCH}`,
      );
      if (rows.length === 0) break;
      for (const r of rows) await q.query(`UPDATE learner SET skeleton_key = $2 WHERE id = $1`, [r.id, learnerNameKey(r.full_name)]);
    }
    await q.query(`ALTER TABLE learner ALTER COLUMN skeleton_key SET NOT NULL`);
    await q.query(`CREATE INDEX learner_school_skeleton_idx ON learner (school_id, skeleton_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX learner_school_skeleton_idx`);
    await q.query(`ALTER TABLE learner DROP COLUMN skeleton_key`);
  }
}

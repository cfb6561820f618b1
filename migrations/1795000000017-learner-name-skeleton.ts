import { MigrationInterface, QueryRunner } from 'typeorm';
import { learnerNameKey } from '../libs/cases/src/learners/learner-name-key';
import { nameKey } from '../libs/cases/src/learners/vietnamese-name';

const BATCH = 500;

// Every learner's name_key recomputed from the name as stored, a batch at a time in id order; only the rows
// whose key changes are written (updated_at stays: the learner did not change).
const rekey = async (q: QueryRunner, key: (name: string) => string): Promise<void> => {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { id: string; full_name: string; name_key: string }[] = await q.query(
      `SELECT id, full_name, name_key FROM learner WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    for (const r of rows) {
      const k = key(r.full_name);
      if (k !== r.name_key) await q.query(`UPDATE learner SET name_key = $2 WHERE id = $1`, [r.id, k]);
    }
    after = rows[rows.length - 1].id;
  }
};

export class LearnerNameSkeleton1795000000017 implements MigrationInterface {
  name = 'LearnerNameSkeleton1795000000017';

  // The look-alike check and the search now compare names without format characters and with letters of
  // other scripts folded to their Latin look-alike (learnerNameKey): keys stored before must follow, or a
  // new "Lâm" ("larn") would no longer meet a stored "Lâm" ("lam").
  async up(q: QueryRunner): Promise<void> {
    await rekey(q, learnerNameKey);
  }

  async down(q: QueryRunner): Promise<void> {
    await rekey(q, nameKey);
  }
}

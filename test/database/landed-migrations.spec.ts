import { Client } from 'pg';
import { runMigrations } from '@dh/database';
import { openCase, referralReceiver } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

// What a migration can leave different between two databases: columns, indexes, constraints and triggers, in a
// stable order (a column added later sits at the end of its table; that is not a difference).
const schemaOf = async (url: string): Promise<string[]> => {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`
      SELECT format('column %s.%s %s %s default %s', table_name, column_name, data_type, is_nullable, column_default) AS d
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT format('constraint %s.%s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT format('trigger %s %s', tgrelid::regclass, tgname) FROM pg_trigger WHERE NOT tgisinternal
      ORDER BY 1`);
    return rows.map((r) => r.d as string);
  } finally {
    await c.end();
  }
};

// The schema as 003 (636f275) and 013 (7b58b83) first landed: without what later edits of those files added.
const AS_FIRST_LANDED = [
  `ALTER TABLE "case" DROP COLUMN clocks_paused_at`,
  `ALTER TABLE deadline DROP COLUMN clock`,
  `DROP INDEX referral_case_seq`,
  `ALTER TABLE referral DROP COLUMN seq`,
  `CREATE INDEX referral_case_idx ON referral (case_id, sent_at)`,
  `DELETE FROM migrations WHERE name = 'LandedMigrationsLevel1795000000030'`,
];

describe('a database migrated before migrations 003 and 013 were edited', () => {
  const world = useTestWorld();
  let fresh: TestDatabase;
  beforeAll(async () => (fresh = await createTestDatabase()));
  afterAll(() => fresh.drop());

  it('is brought level by the migrations, its clocks and referrals kept and filled in', async () => {
    const { t, w, pg } = world;
    const c = await openCase(t, w);
    const receiver = await referralReceiver(t, w);
    for (const sql of AS_FIRST_LANDED) await pg.query(sql);
    // A school's report clock (calendar days) beside the case's first-contact clock (working time).
    await pg.query(
      `INSERT INTO deadline (school_id, kind, label, label_en, started_at, due_at, escalate_to, created_at)
       VALUES ($1, 'report_year', 'Báo cáo năm học', 'Year report', now(), now() + interval '5 days', '{ward_officer}', now())`,
      [w.schoolA],
    );
    // Three referrals of one case as the old schema held them: two sent at one instant, one earlier.
    const ids = [
      '00000000-0000-4000-8000-00000000000b',
      '00000000-0000-4000-8000-00000000000a',
      '00000000-0000-4000-8000-00000000000c',
    ];
    const sentAt = ['2026-03-03T02:00:00Z', '2026-03-05T02:00:00Z', '2026-03-05T02:00:00Z'];
    for (const [i, id] of ids.entries()) {
      await pg.query(
        `INSERT INTO referral (id, case_id, school_id, receiver_id, receiver_name, receiver_kind, sender_id, sender_name, sender_unit,
                               reason, areas, consent_ids, to_ward, status, sent_at, answered_at, declined_reason)
         VALUES ($1, $2, $3, $4, 'Trạm y tế', 'y_te', $5, 'Giám sát A', 'Trường A', 'Lý do', '{tam_ly}', '{}', false,
                 'declined', $6, $6, 'Không nhận')`,
        [id, c.id, w.schoolA, receiver, w.users.supervisorA.id, sentAt[i]],
      );
    }

    await runMigrations(t.db.url);

    expect(await schemaOf(t.db.url)).toEqual(await schemaOf(fresh.url));
    const clocks = await pg.query(`SELECT kind, clock FROM deadline ORDER BY kind`);
    expect(clocks.rows).toEqual(
      expect.arrayContaining([
        { kind: 'first_contact', clock: 'working' },
        { kind: 'report_year', clock: 'calendar' },
      ]),
    );
    const referrals = await pg.query(`SELECT id, seq FROM referral WHERE case_id = $1 ORDER BY seq`, [c.id]);
    expect(referrals.rows).toEqual([
      { id: ids[0], seq: 1 },
      { id: ids[1], seq: 2 },
      { id: ids[2], seq: 3 },
    ]);
  });

  it('leaves a database migrated since as it was when the levelling migration runs again', async () => {
    const before = await schemaOf(fresh.url);
    const c = new Client({ connectionString: fresh.url });
    await c.connect();
    await c.query(AS_FIRST_LANDED[AS_FIRST_LANDED.length - 1]).finally(() => c.end());
    await runMigrations(fresh.url);
    expect(await schemaOf(fresh.url)).toEqual(before);
  });
});

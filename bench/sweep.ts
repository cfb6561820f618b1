// The sweep's cost follows what is due, not how many deadlines are open: sweeps of 1,000 due deadlines
// among ~10,000 and among ~1,000,000 open ones, in the same process (median of three each); prints both and the ratio.
// Run: npm run build && node dist/bench/sweep.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { Client } from 'pg';
import { EscalationSweepService } from '@dh/escalations';
import { UserService } from '@dh/identity';
import { withBenchApp } from './bench-app';

const DUE = 1000;

const plant = (pg: Client, schoolId: string, open: number, due: number) =>
  pg.query(
    `WITH d AS (
       INSERT INTO deadline (school_id, kind, label, label_en, started_at, due_at, escalate_to, clock, created_at)
       SELECT $1, 'report_year', 'Nộp báo cáo tổng kết năm học', 'School-year report', now() - interval '1 day',
              CASE WHEN g <= $3 THEN now() - interval '1 hour' ELSE now() + interval '30 days' END, ARRAY['ward_officer'], 'calendar', now()
         FROM generate_series(1, $2) g
       RETURNING id, due_at)
     INSERT INTO deadline_level (deadline_id, level, due_at) SELECT id, 'overdue', due_at FROM d`,
    [schoolId, open, due],
  );

const main = (): Promise<void> =>
  withBenchApp('sweep', async (app, url) => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const users = app.get(UserService);
      const ward = await users.createWard('B', 'Bench');
      const school = await users.createSchool(ward.id, 'BB', 'Trường Bench');
      await users.createUser({
        username: 'ht.bench',
        fullName: 'Hiệu trưởng',
        password: 'bench-password',
        roles: ['principal'],
        schoolIds: [school.id],
      });
      const sweep = app.get(EscalationSweepService);
      // Every planted table analysed and flushed before a measure: otherwise the sweep after 990k planted rows
      // competes with PostgreSQL's own checkpoint and the ratio moves from run to run.
      const settle = async () => {
        await pg.query('VACUUM ANALYZE deadline');
        await pg.query('VACUUM ANALYZE deadline_level');
        await pg.query('CHECKPOINT');
      };
      const timed = async () => {
        const t0 = process.hrtime.bigint();
        const r = await sweep.sweepOnce();
        return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rungs: r.rungs };
      };

      // Warm-up: the first sweep of a process pays for connections and compiled code; neither side should.
      await plant(pg, school.id, 100, 100);
      await sweep.sweepOnce();
      // Three rounds of 1,000 newly due deadlines at each size; the median of each.
      const measure = async (): Promise<{ ms: number; rungs: number }> => {
        const rounds: { ms: number; rungs: number }[] = [];
        for (let i = 0; i < 3; i++) {
          await plant(pg, school.id, DUE, DUE);
          await settle();
          rounds.push(await timed());
        }
        return rounds.sort((a, b) => a.ms - b.ms)[1];
      };

      await plant(pg, school.id, 7_000, 0);
      const small = await measure();
      await plant(pg, school.id, 990_000, 0);
      const large = await measure();

      console.log(`open deadlines ~10,000,    due ${small.rungs}: ${small.ms.toFixed(0)} ms`);
      console.log(`open deadlines ~1,000,000, due ${large.rungs}: ${large.ms.toFixed(0)} ms`);
      console.log(`ratio 1M/10k: ${(large.ms / small.ms).toFixed(2)} (target < 1.5)`);
    } finally {
      await pg.end();
    }
  });

void main();

// The sweep's cost follows what is due, not how many deadlines are open: sweeps of 1,000 due deadlines among
// ~10,000 and among ~1,000,000 open ones. Two databases side by side, one of each size, swept in alternation (five
// rounds each, the median of each), so a change in the machine's load falls on both sides; prints both and the ratio.
// Run: npm run build && node dist/bench/sweep.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { EscalationSweepService } from '@dh/escalations';
import { UserService } from '@dh/identity';
import { withBenchApp } from './bench-app';

const DUE = 1000;
const ROUNDS = 5;

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

type Side = { pg: Client; schoolId: string; sweep: EscalationSweepService; runs: number[] };

// One school with its principal (the overdue rungs' recipient) and `open` deadlines not yet due.
const sideOf = async (app: INestApplicationContext, url: string, open: number): Promise<Side> => {
  const pg = new Client({ connectionString: url });
  await pg.connect();
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
  // Warm-up: the first sweep of a process pays for connections and compiled code; neither side should.
  await plant(pg, school.id, 100, 100);
  await sweep.sweepOnce();
  await plant(pg, school.id, open, 0);
  return { pg, schoolId: school.id, sweep, runs: [] };
};

// 1,000 newly due, every planted table analysed and flushed: otherwise the sweep competes with PostgreSQL's own
// autovacuum and checkpoint after the planting, and the ratio follows them.
const round = async (side: Side): Promise<void> => {
  await plant(side.pg, side.schoolId, DUE, DUE);
  await side.pg.query('VACUUM ANALYZE deadline');
  await side.pg.query('VACUUM ANALYZE deadline_level');
  await side.pg.query('CHECKPOINT');
  const t0 = process.hrtime.bigint();
  const r = await side.sweep.sweepOnce();
  if (r.rungs !== DUE) throw new Error(`expected ${DUE} rungs, the sweep raised ${r.rungs}`);
  side.runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const main = (): Promise<void> =>
  withBenchApp('sweep_small', (smallApp, smallUrl) =>
    withBenchApp('sweep_large', async (largeApp, largeUrl) => {
      const small = await sideOf(smallApp, smallUrl, 9_000);
      const large = await sideOf(largeApp, largeUrl, 999_000);
      try {
        for (let i = 0; i < ROUNDS; i++) {
          await round(small);
          await round(large);
        }
        const [s, l] = [median(small.runs), median(large.runs)];
        const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
        console.log(`open deadlines ~10,000,    due ${DUE}: ${s.toFixed(0)} ms (median of ${runs(small.runs)})`);
        console.log(`open deadlines ~1,000,000, due ${DUE}: ${l.toFixed(0)} ms (median of ${runs(large.runs)})`);
        console.log(`ratio 1M/10k: ${(l / s).toFixed(2)} (target < 1.5)`);
      } finally {
        await small.pg.end();
        await large.pg.end();
      }
    }),
  );

void main();

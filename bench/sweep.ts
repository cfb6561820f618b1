// The sweep's cost follows what is due, not how many deadlines are open: one sweep over 10,000 open
// deadlines and one over 1,000,000, each with 1,000 due, in the same process; prints both and the ratio.
// Run: npm run build && node dist/bench/sweep.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '@dh/config';
import { EscalationSweepService } from '@dh/escalations';
import { UserService } from '@dh/identity';

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
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

const main = async (): Promise<void> => {
  const dbName = `dh_bench_sweep_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), DATA_DIR: `/tmp/${dbName}`, SCHEDULER_ENABLED: 'false', SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  const pg = new Client({ connectionString: url.toString() });
  await pg.connect();
  try {
    const users = app.get(UserService);
    const ward = await users.createWard('B', 'Bench');
    const school = await users.createSchool(ward.id, 'BB', 'Trường Bench');
    await users.createUser({ username: 'ht.bench', fullName: 'Hiệu trưởng', password: 'bench-password', roles: ['principal'], schoolIds: [school.id] });
    const sweep = app.get(EscalationSweepService);
    const timed = async () => {
      const t0 = process.hrtime.bigint();
      const r = await sweep.sweepOnce();
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rungs: r.rungs };
    };

    await plant(pg, school.id, 10_000, DUE);
    await pg.query('VACUUM ANALYZE deadline_level');
    const small = await timed();

    // Grow to a million open deadlines, again with 1,000 due.
    await plant(pg, school.id, 990_000, DUE);
    await pg.query('VACUUM ANALYZE deadline_level');
    const large = await timed();

    console.log(`open deadlines 10,000,    due ${small.rungs}: ${small.ms.toFixed(0)} ms`);
    console.log(`open deadlines 1,000,000, due ${large.rungs}: ${large.ms.toFixed(0)} ms`);
    console.log(`ratio 1M/10k: ${(large.ms / small.ms).toFixed(2)} (target < 1.5)`);
  } finally {
    await pg.end();
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
};

void main();

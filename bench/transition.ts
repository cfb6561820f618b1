// Transitions as a school uses them: ADD_NOTE over HTTP to the API running as `npm start` runs it (its own
// process, with start:prod's Node flags), at 1, 8 and 32 clients each on its own case, beside pgbench running the transition's bare statements
// (lock the case, read the chain's last seq, update the case, append the event) on the same database and cases in
// the same run. Prints transitions/s with p50/p99, pgbench's transactions/s, and the API's share of that ceiling.
// Run: npm run build && node dist/bench/transition.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test;
// BENCH_SECONDS per measurement, default 10)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { Client } from 'pg';
import { CaseTransitionService } from '@dh/cases';
import { startFlags, withBenchApp } from './bench-app';
import { call, startApi } from './bench-api';
import { BENCH_PASSWORD, benchSchool } from './bench-school';

const CLIENTS = [1, 8, 32];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SECRETS = { JWT_SECRET: randomBytes(32).toString('hex'), DATA_KEY: randomBytes(32).toString('hex') };

// The transition's statements by hand, for client :client_id on its own case (bench_case.n).
const PGBENCH_SCRIPT = `\\set n :client_id + 1
BEGIN;
SELECT c.version FROM "case" c JOIN bench_case b ON b.id = c.id WHERE b.n = :n FOR UPDATE OF c;
SELECT max(e.seq) AS seq FROM audit_event e JOIN bench_case b ON b.id = e.case_id WHERE b.n = :n \\gset
UPDATE "case" c SET version = c.version + 1, updated_at = now() FROM bench_case b WHERE b.id = c.id AND b.n = :n;
INSERT INTO audit_event (case_id, seq, school_id, type, payload, at, hash)
  SELECT b.id, :seq + 1, b.school_id, 'ADD_NOTE', '{"text": "ghi chú"}', now(), md5(random()::text) FROM bench_case b WHERE b.n = :n;
COMMIT;
`;

// The API process's CPU time so far (user + system), in ms: per transition, a figure the machine's other load
// moves less than throughput.
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// `clients` loops, each sending ADD_NOTE to its own case for SECONDS, the version carried from each answer. Each
// measure opens its own connections (the server closes idle ones while pgbench runs).
const drive = async (base: string, token: string, cases: { id: string; version: number }[], clients: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    cases.slice(0, clients).map(async (c) => {
      while (Date.now() < until) {
        const t0 = process.hrtime.bigint();
        const res = await call(agent, 'POST', `${base}/api/cases/${c.id}/events`, token, {
          type: 'ADD_NOTE',
          payload: { text: 'ghi chú' },
          expectedVersion: c.version,
        });
        if (res.status !== 200) throw new Error(`ADD_NOTE answered ${res.status}: ${JSON.stringify(res.body)}`);
        c.version = (res.body as { version: number }).version;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
};

const pgbench = (url: string, script: string, clients: number): number => {
  const out = execFileSync(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-f',
      script,
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, 2)),
      '-T',
      String(SECONDS),
      url,
    ],
    { encoding: 'utf8' },
  );
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(tps[1]);
};

const main = (): Promise<void> =>
  withBenchApp(
    'transition',
    async (app, url) => {
      const { schoolId, caller, open: openCase } = await benchSchool(app, 'bench');
      // One case per client, in assessment; pgbench's clients get cases of their own too.
      const open = async () =>
        app
          .get(CaseTransitionService)
          .apply(caller, (await openCase('low')).id, { type: 'START_ASSESSMENT', payload: {}, expectedVersion: 1 });
      const most = Math.max(...CLIENTS);
      const apiCases: { id: string; version: number }[] = [];
      for (let i = 0; i < most; i++) apiCases.push(await open());
      const pg = new Client({ connectionString: url });
      await pg.connect();
      await pg.query(`CREATE TABLE bench_case (n int PRIMARY KEY, id uuid NOT NULL, school_id uuid NOT NULL)`);
      for (let n = 1; n <= most; n++)
        await pg.query(`INSERT INTO bench_case VALUES ($1, $2, $3)`, [n, (await open()).id, schoolId]);
      await pg.end();
      const script = `/tmp/dh-bench-transition-${process.pid}.sql`;
      writeFileSync(script, PGBENCH_SCRIPT);

      const api = await startApi(
        {
          ...SECRETS,
          DATABASE_URL: url,
          SCHEDULER_ENABLED: 'false',
          SEED_DEMO: 'false',
          DATA_DIR: `/tmp/dh-bench-transition-${process.pid}`,
        },
        startFlags(),
      );
      try {
        const login = await fetch(`${api.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'bench', password: BENCH_PASSWORD }),
        });
        const { accessToken } = (await login.json()) as { accessToken: string };
        await drive(api.base, accessToken, apiCases, 1); // warm-up: connections and compiled code
        console.log(
          `ADD_NOTE over HTTP (node ${startFlags().join(' ') || 'without flags'}) vs pgbench (same statements by hand), ${SECONDS} s each:`,
        );
        for (const clients of CLIENTS) {
          const cpu0 = cpuMsOf(api.child.pid as number);
          const http = await drive(api.base, accessToken, apiCases, clients);
          const cpuPer = (cpuMsOf(api.child.pid as number) - cpu0) / (http.perSecond * SECONDS);
          const raw = pgbench(url, script, clients);
          console.log(
            `  ${String(clients).padStart(2)} clients: API ${http.perSecond.toFixed(0)}/s (p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms, API CPU ${cpuPer.toFixed(2)} ms each), pgbench ${raw.toFixed(0)}/s, API at ${((100 * http.perSecond) / raw).toFixed(1)}% of the ceiling`,
          );
        }
      } finally {
        api.child.kill();
      }
    },
    SECRETS,
  );

void main();

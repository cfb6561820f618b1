// Memory under load (issue 18, point 3). The API runs as `npm start` runs it (its own process, with the Node flags of
// package.json's start:prod, demo data seeded, the scheduler on), once on a throwaway database of the machine's
// PostgreSQL and once on the embedded default (no DATABASE_URL: its PostgreSQL a child process). The baseline, in
// the same run: the same API on the machine's server with Node's default flags, as it ran before. 100 clients, each
// on a case of its own, send ADD_NOTE and read the case list for BENCH_SECONDS (default 15); memory is sampled every
// 100 ms during the load and read again BENCH_SETTLE_SECONDS (default 5) after it. Printed: the API's RSS (idle,
// peak, after), and on the embedded default the PSS of the API and of every PostgreSQL process it started (pages
// shared between them counted once), beside the API alone on the machine's server.
// BENCH_NODE_OPTIONS: more flags for the API's process (e.g. --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=/tmp:
// a heap snapshot is written there once the load is over).
// Run: npm run build && node dist/bench/memory.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@dh/demo';
import { startFlags } from './bench-app';
import { call, startApi, stopApi } from './bench-api';

const CLIENTS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 5);
const SECRETS = { JWT_SECRET: randomBytes(32).toString('hex'), DATA_KEY: randomBytes(32).toString('hex') };
const MIB = 1024 * 1024;

// /proc/<pid>/status or smaps_rollup, one "Name: N kB" line, in bytes; 0 once the process is gone.
const procKiB = (pid: number, file: string, field: string): number => {
  try {
    const line = readFileSync(`/proc/${pid}/${file}`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

// The process and all its descendants (the embedded postmaster and its backends).
const tree = (root: number): number[] => {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone between the listing and the read
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out;
};

type Sample = { apiRss: number; apiRssFile: number; treePss: number; processes: number };
const sample = (pid: number): Sample => {
  const pids = tree(pid);
  return {
    apiRss: procKiB(pid, 'status', 'VmRSS'),
    apiRssFile: procKiB(pid, 'status', 'RssFile'),
    treePss: pids.reduce((sum, p) => sum + procKiB(p, 'smaps_rollup', 'Pss'), 0),
    processes: pids.length,
  };
};

const ok = <T>(res: { status: number; body: unknown }, what: string): T => {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
};

type Measured = { idle: Sample; peak: Sample; after: Sample; requests: number };

// The demo counsellor opens one case per client, then the clients add notes and read the list.
const measure = async (env: Record<string, string>, nodeFlags: string[]): Promise<Measured> => {
  const { base, child } = await startApi({ ...SECRETS, ...env }, nodeFlags);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'tv.dongda', password: DEMO_PASSWORD }),
    });
    const { accessToken: token, user } = (await login.json()) as { accessToken: string; user: { schoolIds: string[] } };
    const schoolId = user.schoolIds[0];
    const learner = ok<{ id: string }>(
      await call(agent, 'POST', `${base}/api/learners`, token, {
        schoolId,
        fullName: 'Bench Memory',
        dateOfBirth: '2012-12-12',
        sex: 'nu',
        className: '8A',
      }),
      'POST /api/learners',
    );
    const cases: { id: string; version: number }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const opened = ok<{ id: string; version: number }>(
        await call(agent, 'POST', `${base}/api/cases`, token, {
          schoolId,
          learnerId: learner.id,
          areas: [{ code: 'ky_nang_song', priority: 1 }],
          channel: 'truc_tiep',
          summary: 'bench',
          riskLevel: 'low',
          riskRationale: 'bench',
        }),
        'POST /api/cases',
      );
      cases.push({ id: opened.id, version: opened.version });
    }
    const idle = sample(child.pid as number);
    let peak = idle;
    const sampler = setInterval(() => {
      const s = sample(child.pid as number);
      peak = {
        apiRss: Math.max(peak.apiRss, s.apiRss),
        apiRssFile: Math.max(peak.apiRssFile, s.apiRssFile),
        treePss: Math.max(peak.treePss, s.treePss),
        processes: Math.max(peak.processes, s.processes),
      };
    }, 100);
    let requests = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      cases.map(async (c) => {
        while (Date.now() < until) {
          const moved = ok<{ version: number }>(
            await call(agent, 'POST', `${base}/api/cases/${c.id}/events`, token, {
              type: 'ADD_NOTE',
              payload: { text: 'ghi chú' },
              expectedVersion: c.version,
            }),
            'ADD_NOTE',
          );
          c.version = moved.version;
          ok(await call(agent, 'GET', `${base}/api/cases?pageSize=20`, token), 'GET /api/cases');
          requests += 2;
        }
      }),
    );
    clearInterval(sampler);
    agent.destroy();
    await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    const after = sample(child.pid as number);
    if ((process.env.BENCH_NODE_OPTIONS ?? '').includes('--heapsnapshot-signal=SIGUSR2')) {
      child.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 10_000));
    }
    return { idle, peak, after, requests };
  } finally {
    agent.destroy();
    await stopApi(child);
  }
};

const mib = (bytes: number): string => `${(bytes / MIB).toFixed(0)} MiB`;

const main = async (): Promise<void> => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `dh_bench_memory_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dataDirs = [mkdtempSync(join(tmpdir(), 'dh-bench-memory-')), mkdtempSync(join(tmpdir(), 'dh-bench-memory-'))];
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    const flags = startFlags();
    const serverEnv = { DATABASE_URL: url.toString(), DATA_DIR: dataDirs[0], SEED_DEMO: 'true' };
    const baseline = await measure(serverEnv, []);
    await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    rmSync(dataDirs[0], { recursive: true, force: true });
    const server = await measure(serverEnv, flags);
    const embedded = await measure({ DATA_DIR: dataDirs[1] }, flags);
    const line = (what: string, m: Measured) =>
      console.log(
        `  ${what.padEnd(58)} RSS idle ${mib(m.idle.apiRss)}, peak ${mib(m.peak.apiRss)}, after ${mib(m.after.apiRss)}` +
          ` (${mib(m.after.apiRssFile)} of it mapped files); ${(m.requests / SECONDS).toFixed(0)} requests/s`,
      );
    console.log(
      `Memory with ${CLIENTS} clients (ADD_NOTE and the case list for ${SECONDS} s; after: ${SETTLE_SECONDS} s later)`,
    );
    line("baseline: API on the machine's PostgreSQL, Node's defaults", baseline);
    line(`API on the machine's PostgreSQL, ${flags.join(' ') || 'no flags'}`, server);
    line(`API on the embedded default, ${flags.join(' ') || 'no flags'}`, embedded);
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `  API peak ${mib(server.peak.apiRss)} vs baseline ${mib(baseline.peak.apiRss)} (ratio ${ratio(server.peak.apiRss, baseline.peak.apiRss)}), ` +
        `after ${mib(server.after.apiRss)} vs ${mib(baseline.after.apiRss)} (ratio ${ratio(server.after.apiRss, baseline.after.apiRss)}); target < 200 MiB`,
    );
    console.log(
      `  API + embedded PostgreSQL, PSS of ${embedded.peak.processes} processes at most: idle ${mib(embedded.idle.treePss)}, ` +
        `peak ${mib(embedded.peak.treePss)}, after ${mib(embedded.after.treePss)} (target < 300 MiB); ` +
        `the API alone on the machine's server: peak ${mib(server.peak.treePss)}, after ${mib(server.after.treePss)} ` +
        `(ratio after ${ratio(embedded.after.treePss, server.after.treePss)})`,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
};

void main();

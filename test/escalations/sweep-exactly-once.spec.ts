import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@dh/clock';
import { EscalationSweepService, SweepResult } from '@dh/escalations';
import { CliModule } from '../../apps/cli/src/cli.module';
import { World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useEscalationWorld } from '../support/escalation-helpers';
import { BUILT_CLI, ensureBuiltCli } from '../setup/built-cli';

const ROOT = join(__dirname, '../..');
const SWEEP_AT = '2026-05-04T09:00:00+07:00';
// 1,500 deadlines swept: about 20 and 45 s on two cores under a load of 27 (the killed process's start most of
// the second), a few seconds on an idle machine.
const SLOW_TEST_MS = 240_000;

describe('the sweep raises each (deadline, level) exactly once', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const { world, alertLevels } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  // The global set-up builds dist/ when this file is in the run; this is for a run it could not tell.
  beforeAll(() => ensureBuiltCli(), 900_000);

  // A real operator process: the CLI's `sweep` as shipped (npm run build), which compiles nothing as it starts.
  const sweeper = (): ChildProcess & { done: Promise<number | null>; out: string[] } => {
    const child = spawn(process.execPath, [BUILT_CLI, 'sweep', '--at', SWEEP_AT], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        DATA_DIR: t.config.dataDir,
        JWT_SECRET: t.config.jwtSecret,
        DATA_KEY: t.config.dataKey,
        SEED_DEMO: 'false',
        SCHEDULER_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }) as ChildProcess & { done: Promise<number | null>; out: string[] };
    child.out = [];
    child.stdout?.on('data', (d) => child.out.push(String(d)));
    child.stderr?.on('data', (d) => child.out.push(String(d)));
    child.done = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    return child;
  };

  // What the CLI's `sweep` runs, in this process: its modules with a pool of their own, as of SWEEP_AT. Several
  // of these contend for rows exactly as processes would: only the database stands between them.
  const sweepInProcess = async (): Promise<SweepResult> => {
    const cli = await NestFactory.createApplicationContext(CliModule.forRoot(t.config, new ManualClock(SWEEP_AT)), {
      logger: ['error', 'warn'],
    });
    try {
      return await cli.get(EscalationSweepService).sweepOnce();
    } finally {
      await cli.close();
    }
  };

  // Enough deadlines for three batches of the sweep (500 rungs each) plus a partial one, so that three sweepers
  // contend for batches and a kill can land between commits; each rung goes to the counsellor and two supervisors.
  const DUE = 1500;
  const plantDueDeadlines = async (n: number): Promise<string> => {
    const c = await openCase(t, w);
    await pg.query(
      `WITH d AS (
         INSERT INTO deadline (school_id, case_id, kind, label, label_en, state, started_at, due_at, escalate_to, clock, created_at)
         SELECT $1, $2, 'assessment_due', 'Hoàn thành đánh giá', 'Assessment complete', 'assessment',
                '2026-04-01T02:00:00Z', '2026-04-08T02:00:00Z'::timestamptz + (g || ' seconds')::interval, ARRAY['supervisor'], 'working', '2026-04-01T02:00:00Z'
           FROM generate_series(1, $3) g
         RETURNING id, due_at)
       INSERT INTO deadline_level (deadline_id, level, due_at) SELECT id, 'overdue', due_at FROM d`,
      [w.schoolA, c.id, n],
    );
    return c.id;
  };

  // Counts over the planted deadlines only (the case's own intake clock is not part of the experiment).
  // One pass of joins: the SIGKILL case polls this while a sweep runs, so it must stay linear in the rows.
  const tally = async (caseId: string) => {
    const { rows } = await pg.query(
      `WITH l AS (SELECT l.deadline_id, l.level, l.status FROM deadline_level l JOIN deadline d ON d.id = l.deadline_id
                   WHERE d.case_id = $1 AND d.kind = 'assessment_due'),
            a AS (SELECT a.deadline_id, a.level, a.recipient_id FROM alert a JOIN deadline d ON d.id = a.deadline_id
                   WHERE d.case_id = $1 AND d.kind = 'assessment_due'),
            short AS (SELECT l.deadline_id, l.level FROM l LEFT JOIN a ON a.deadline_id = l.deadline_id AND a.level = l.level
                       WHERE l.status = 'fired' GROUP BY l.deadline_id, l.level HAVING count(a.deadline_id) <> 3)
       SELECT (SELECT count(*)::int FROM a) AS alerts,
              (SELECT count(*)::int FROM (SELECT DISTINCT deadline_id, level, recipient_id FROM a) x) AS distinct_alerts,
              (SELECT count(*)::int FROM l WHERE status = 'fired') AS fired,
              (SELECT count(*)::int FROM l WHERE status = 'pending') AS pending,
              (SELECT count(*)::int FROM short) AS fired_without_three`,
      [caseId],
    );
    return rows[0] as {
      alerts: number;
      distinct_alerts: number;
      fired: number;
      pending: number;
      fired_without_three: number;
    };
  };

  it(
    'three sweeps at once, each on its own pool, raise every one of 1,500 due alerts exactly once',
    async () => {
      const caseId = await plantDueDeadlines(DUE);
      const results = await Promise.all([sweepInProcess(), sweepInProcess(), sweepInProcess()]);
      expect(await tally(caseId)).toEqual({
        alerts: DUE * 3,
        distinct_alerts: DUE * 3,
        fired: DUE,
        pending: 0,
        fired_without_three: 0,
      });
      // Every rung was raised by one of them: the planted deadlines plus the case's own intake rung (first
      // contact, long overdue by then).
      expect(results.reduce((sum, r) => sum + r.rungs, 0)).toBe(DUE + 1);
    },
    SLOW_TEST_MS,
  );

  // Other sessions on this database still inside a transaction (the killed sweeper's, until the server notices).
  const waitForOthersToEnd = async () => {
    for (let i = 0; i < 500; i++) {
      const { rows } = await pg.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('a session kept its transaction open for 10 s after its process was killed');
  };

  it(
    'a sweep killed with SIGKILL mid-batch, then restarted, leaves nothing missing and nothing doubled',
    async () => {
      const caseId = await plantDueDeadlines(DUE);
      const victim = sweeper();
      // Wait until it has committed some batches but not all, then kill it without warning.
      for (let i = 0; i < 2000; i++) {
        const { fired } = await tally(caseId);
        if (fired > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      victim.kill('SIGKILL');
      expect(await victim.done).toBeNull();
      const afterKill = await tally(caseId);
      expect(afterKill.fired).toBeGreaterThan(0);
      expect(afterKill.fired).toBeLessThan(DUE);
      // What was committed is whole: every fired rung has its three alerts, no rung has alerts without being fired.
      expect(afterKill).toMatchObject({ alerts: afterKill.fired * 3, fired_without_three: 0 });

      // The killed process's transaction ends when the server sees its connection drop; until then its batch is
      // locked, and a sweep would skip it (SKIP LOCKED) as it should.
      await waitForOthersToEnd();
      t.clock.set(SWEEP_AT);
      await t.app.get(EscalationSweepService).sweepOnce();
      expect(await tally(caseId)).toEqual({
        alerts: DUE * 3,
        distinct_alerts: DUE * 3,
        fired: DUE,
        pending: 0,
        fired_without_three: 0,
      });
    },
    SLOW_TEST_MS,
  );

  it('after a week of downtime, the first sweep raises everything that fell due, once', async () => {
    const { counsellorA: tv, principalA: ht, wardW: vh } = w.users;
    t.clock.set('2026-05-04T09:00:00+07:00');
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    // Down from Monday until three weeks later: reminder, overdue, principal and ward rungs all passed meanwhile.
    t.clock.set('2026-05-25T10:00:00+07:00');
    const first = await t.app.get(EscalationSweepService).sweepOnce();
    expect(first.rungs).toBeGreaterThanOrEqual(4);
    const levels = (who: typeof tv) => alertLevels(who, c);
    expect(await levels(tv)).toEqual(['overdue', 'reminder']);
    expect(await levels(ht)).toEqual(['principal']);
    expect(await levels(vh)).toEqual(['ward']);
    const second = await t.app.get(EscalationSweepService).sweepOnce();
    expect(second.alerts).toBe(0);
  });
});

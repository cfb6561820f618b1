import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { EscalationSweepService } from '@dh/escalations';
import { auth, World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const ROOT = join(__dirname, '../..');
const SWEEP_AT = '2026-05-04T09:00:00+07:00';

describe('the sweep raises each (deadline, level) exactly once', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  // A real operator process: the CLI's `sweep`, on the TypeScript sources.
  const sweeper = (): ChildProcess & { done: Promise<number | null>; out: string[] } => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'apps/cli/src/main.ts'), 'sweep', '--at', SWEEP_AT], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: t.config.dataDir, JWT_SECRET: t.config.jwtSecret, DATA_KEY: t.config.dataKey, SEED_DEMO: 'false', SCHEDULER_ENABLED: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }) as ChildProcess & { done: Promise<number | null>; out: string[] };
    child.out = [];
    child.stdout?.on('data', (d) => child.out.push(String(d)));
    child.stderr?.on('data', (d) => child.out.push(String(d)));
    child.done = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    return child;
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
    return rows[0] as { alerts: number; distinct_alerts: number; fired: number; pending: number; fired_without_three: number };
  };

  it('three processes sweeping 1,500 due deadlines at once raise every alert exactly once', async () => {
    const caseId = await plantDueDeadlines(DUE);
    const sweepers = [sweeper(), sweeper(), sweeper()];
    const codes = await Promise.all(sweepers.map((s) => s.done));
    expect({ codes, out: codes.every((c) => c === 0) ? [] : sweepers.map((s) => s.out.join('')) }).toEqual({ codes: [0, 0, 0], out: [] });
    expect(await tally(caseId)).toEqual({ alerts: DUE * 3, distinct_alerts: DUE * 3, fired: DUE, pending: 0, fired_without_three: 0 });
    // Every rung was raised by one of them, and they shared the work.
    const raised = sweepers.map((s) => Number(/(\d+) mức/.exec(s.out.join(''))?.[1] ?? NaN));
    // The planted deadlines plus the case's own intake rung (first contact, long overdue by then).
    expect(raised.reduce((a, b) => a + b, 0)).toBe(DUE + 1);
  }, 120000);

  it('a sweep killed with SIGKILL mid-batch, then restarted, leaves nothing missing and nothing doubled', async () => {
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

    const restart = sweeper();
    expect(await restart.done).toBe(0);
    expect(await tally(caseId)).toEqual({ alerts: DUE * 3, distinct_alerts: DUE * 3, fired: DUE, pending: 0, fired_without_three: 0 });
  }, 120000);

  it('after a week of downtime, the first sweep raises everything that fell due, once', async () => {
    const { counsellorA: tv, principalA: ht, wardW: vh } = w.users;
    t.clock.set('2026-05-04T09:00:00+07:00');
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    // Down from Monday until three weeks later: reminder, overdue, principal and ward rungs all passed meanwhile.
    t.clock.set('2026-05-25T10:00:00+07:00');
    const first = await t.app.get(EscalationSweepService).sweepOnce();
    expect(first.rungs).toBeGreaterThanOrEqual(4);
    const levels = async (who: typeof tv) =>
      (await t.http().get('/api/alerts').query({ caseId: c.id }).set(auth(who)).expect(200)).body.items.map((a: { level: string }) => a.level).sort();
    expect(await levels(tv)).toEqual(['overdue', 'reminder']);
    expect(await levels(ht)).toEqual(['principal']);
    expect(await levels(vh)).toEqual(['ward']);
    const second = await t.app.get(EscalationSweepService).sweepOnce();
    expect(second.alerts).toBe(0);
  });
});

import { NestExpressApplication } from '@nestjs/platform-express';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { auth, buildWorld, World } from '../support/fixtures';
import { createLearner, historyOf, verifyOf } from '../support/case-helpers';
import { FRESH_WINDOWS_MS, report } from '../support/intake-helpers';
import { startTestApp, TestApp } from '../support/test-app';

// Behind the school's proxy the client address comes from X-Forwarded-For: the forty addresses of the flood.
const behindProxy = (t: TestApp) => (t.app as NestExpressApplication).set('trust proxy', 'loopback');
const address = (i: number) => `203.0.113.${(i % 40) + 1}`;

// Runs the posts `width` at a time, in order of start.
const inParallel = async <T>(count: number, width: number, post: (i: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await post(i);
      }
    }),
  );
  return results;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('a flood of the public form: every report kept, one summary alert, closed together', () => {
  let t: TestApp;
  let second: TestApp;
  let w: World;
  let pg: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    pg = t.app.get(DataSource);
    // A second instance of the server on the same database: the rate must hold across both.
    second = await startTestApp({}, { database: t.db });
    second.clock.set(t.clock.now());
    behindProxy(t);
    behindProxy(second);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const alertsOf = async (schoolId: string) =>
    pg.query<{ recipient_id: string; level: string; reason: string; reason_en: string; case_id: string | null }[]>(
      `SELECT recipient_id, level, reason, reason_en, case_id FROM alert WHERE school_id = $1 ORDER BY created_at, id`,
      [schoolId],
    );

  it('200 reports from 40 addresses through two instances: 200 cases, those past 10 in 10 minutes marked, one summary alert per supervisor', async () => {
    const statuses = await inParallel(200, 8, async (i) => {
      const via = i % 2 === 0 ? t : second;
      return (
        await report(
          via,
          { schoolCode: 'TA', whatIsHappening: `Tin báo dồn dập số ${i}.`, urgent: i > 0 && i % 50 === 0 },
          undefined,
          { 'X-Forwarded-For': address(i) },
        )
      ).status;
    });
    expect(statuses.filter((s) => s !== 202)).toEqual([]);

    // None dropped.
    const [{ n: stored }] = await pg.query(
      `SELECT count(*)::int AS n FROM "case" WHERE school_id = $1 AND opened_by IS NULL`,
      [w.schoolA],
    );
    expect(stored).toBe(200);

    // The first ten alert each supervisor one by one; the rest are summed up in one alert per supervisor.
    const alerts = await alertsOf(w.schoolA);
    const supervisors = [w.users.supervisorA.id, w.users.supervisorA2.id];
    for (const s of supervisors) {
      const mine = alerts.filter((a) => a.recipient_id === s);
      expect(mine.filter((a) => a.level === 'public_intake')).toHaveLength(10);
      const summary = mine.filter((a) => a.level === 'public_intake_flood');
      expect(summary).toHaveLength(1);
      expect(summary[0].case_id).toBeNull();
      expect(summary[0].reason).toMatch(/^Tin báo trực tuyến dồn dập: 190 tin báo mới trong \d+ phút/);
      expect(summary[0].reason).toContain('trong đó 3 tin người báo cho biết đang gặp nguy hiểm');
      expect(summary[0].reason_en).toMatch(/190 new reports in \d+ minutes/);
    }
    expect(alerts).toHaveLength(22);
    const [{ n: marked }] = await pg.query(
      `SELECT count(*)::int AS n FROM "case" WHERE school_id = $1 AND bulk_triage`,
      [w.schoolA],
    );
    expect(marked).toBe(190);
    // The supervisor finds it among their alerts.
    const listed = (
      await t
        .http()
        .get('/api/alerts')
        .query({ level: 'public_intake_flood' })
        .set(auth(w.users.supervisorA))
        .expect(200)
    ).body.items;
    expect(listed).toEqual([
      expect.objectContaining({ caseId: null, reason: expect.stringContaining('190 tin báo mới') }),
    ]);
    // The summary's mail says the same count: its queued body follows the alert while unsent.
    const [{ body }] = await pg.query(
      `SELECT o.body FROM alert_outbox o JOIN alert a ON a.id = o.alert_id WHERE a.level = 'public_intake_flood' AND a.recipient_id = $1`,
      [w.users.supervisorA.id],
    );
    expect(body).toContain('190 tin báo mới');

    // Marked cases are in the intake queue like any other, and the list can show only them.
    const queue = (
      await t
        .http()
        .get('/api/cases')
        .query({ state: 'intake', bulkTriage: true, pageSize: 100 })
        .set(auth(w.users.supervisorA))
        .expect(200)
    ).body;
    expect(queue.total).toBe(190);
    expect(queue.items.every((c: { bulkTriage: boolean }) => c.bulkTriage === true)).toBe(true);
  });

  it('ten minutes after the flood, a report is alerted on its own again', async () => {
    t.clock.advance(10 * 60_000 + 1_000);
    const [before] = await pg.query(
      `SELECT count(*)::int AS n FROM alert WHERE school_id = $1 AND level = 'public_intake'`,
      [w.schoolA],
    );
    await report(t, { schoolCode: 'TA', whatIsHappening: 'Tin báo sau đợt dồn dập.' }, 202);
    const [after] = await pg.query(
      `SELECT count(*)::int AS n FROM alert WHERE school_id = $1 AND level = 'public_intake'`,
      [w.schoolA],
    );
    expect(after.n - before.n).toBe(2);
    const [last] = await pg.query(
      `SELECT bulk_triage FROM "case" WHERE school_id = $1 ORDER BY created_at DESC, id LIMIT 1`,
      [w.schoolA],
    );
    expect(last.bulk_triage).toBe(false);
  });

  it('a supervisor closes the marked reports together with one reason: each its own CLOSE_AT_INTAKE in its chain, the rest named and left alone', async () => {
    const marked: string[] = (
      await pg.query(`SELECT id FROM "case" WHERE school_id = $1 AND bulk_triage ORDER BY created_at, id`, [w.schoolA])
    ).map((r: { id: string }) => r.id);
    const [unmarked] = await pg.query(
      `SELECT id FROM "case" WHERE school_id = $1 AND opened_by IS NULL AND NOT bulk_triage ORDER BY created_at, id LIMIT 1`,
      [w.schoolA],
    );
    // One marked report turns out to be real: the supervisor takes it on before closing the others.
    const real = marked[0];
    await t
      .http()
      .post(`/api/cases/${real}/events`)
      .set(auth(w.users.supervisorA))
      .send({ type: 'ASSIGN', payload: { assigneeId: w.users.counsellorA.id }, expectedVersion: 1 })
      .expect(200);
    const learner = await createLearner(t, w.users.counsellorA, w.schoolA);
    await t
      .http()
      .post(`/api/cases/${real}/learner`)
      .set(auth(w.users.counsellorA))
      .send({ learnerId: learner.id })
      .expect(200);
    const { version } = (await t.http().get(`/api/cases/${real}`).set(auth(w.users.counsellorA)).expect(200)).body;
    await t
      .http()
      .post(`/api/cases/${real}/events`)
      .set(auth(w.users.counsellorA))
      .send({ type: 'START_ASSESSMENT', payload: {}, expectedVersion: version })
      .expect(200);
    const reason = 'Tin báo hàng loạt từ máy, nội dung vô nghĩa, đã kiểm tra từng tin.';
    const bulkClose = (by: World['users'][keyof World['users']], body: Record<string, unknown>) =>
      t.http().post('/api/cases/bulk-close').set(auth(by)).send(body);

    // Only the school's supervisors; bad input named, nothing closed.
    expect((await bulkClose(w.users.counsellorA, { schoolId: w.schoolA, reason })).status).toBe(403);
    expect((await bulkClose(w.users.principalA, { schoolId: w.schoolA, reason })).status).toBe(403);
    expect((await bulkClose(w.users.supervisorB, { schoolId: w.schoolA, reason })).status).toBe(404);
    const bad = await bulkClose(w.users.supervisorA, { schoolId: w.schoolA, reason: '   ', caseIds: ['x'] }).expect(
      400,
    );
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['caseIds', 'reason']);
    expect(
      (
        await pg.query(`SELECT count(*)::int AS n FROM "case" WHERE school_id = $1 AND state LIKE 'closed%'`, [
          w.schoolA,
        ])
      )[0].n,
    ).toBe(0);

    // Named cases: the marked ones at intake are closed; an unmarked one and one past intake are reported, untouched.
    const some = await bulkClose(w.users.supervisorA, {
      schoolId: w.schoolA,
      reason,
      caseIds: [marked[1], marked[2], unmarked.id, real],
    }).expect(200);
    expect(some.body.closed.sort()).toEqual([marked[1], marked[2]].sort());
    expect(some.body.skipped).toEqual(
      expect.arrayContaining([
        { caseId: unmarked.id, reason: 'not_marked' },
        { caseId: real, reason: 'not_at_intake' },
      ]),
    );
    expect(some.body.skipped).toHaveLength(2);

    // Then every marked case still at intake.
    const all = await bulkClose(w.users.supervisorA, { schoolId: w.schoolA, reason }).expect(200);
    expect(all.body.closed).toHaveLength(187);
    expect(all.body.remaining).toBe(0);
    const states: { state: string; n: number }[] = await pg.query(
      `SELECT split_part(state, '.', 1) AS state, count(*)::int AS n FROM "case" WHERE school_id = $1 AND bulk_triage GROUP BY 1 ORDER BY 1`,
      [w.schoolA],
    );
    expect(states).toEqual([
      { state: 'assessment', n: 1 },
      { state: 'closed', n: 189 },
    ]);
    expect((await pg.query(`SELECT state FROM "case" WHERE id = $1`, [unmarked.id]))[0].state).toBe('intake');

    // Each closure is an event of its own case's chain, by the supervisor, with the one reason; the chains verify.
    for (const id of [marked[1], marked[150]]) {
      const history = await historyOf(t, w.users.supervisorA, id);
      expect(history[history.length - 1]).toMatchObject({
        type: 'CLOSE_AT_INTAKE',
        fromState: 'intake',
        toState: expect.stringMatching(/^closed/),
        actorId: w.users.supervisorA.id,
        payload: expect.objectContaining({ reason }),
      });
      expect(await verifyOf(t, w.users.supervisorA, id)).toMatchObject({ valid: true });
    }
    // Nothing left to close: a second call closes nothing.
    expect((await bulkClose(w.users.supervisorA2, { schoolId: w.schoolA, reason }).expect(200)).body).toEqual({
      closed: [],
      skipped: [],
      remaining: 0,
    });
  });

  it('a post with the honeypot filled takes about as long as a real report', async () => {
    const timed = async (honeypot: boolean) => {
      t.clock.advance(FRESH_WINDOWS_MS);
      const started = performance.now();
      await report(
        t,
        {
          schoolCode: 'TB',
          whatIsHappening: 'Em cần được giúp đỡ.',
          ...(honeypot ? { website: 'http://spam.example' } : {}),
        },
        202,
      );
      return performance.now() - started;
    };
    const real: number[] = [];
    const honeypot: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      real.push(await timed(false));
      honeypot.push(await timed(true));
    }
    const ratio = median(honeypot) / median(real);
    // Logged for the report: the medians on this machine.
    console.log(
      `public form: real report median ${median(real).toFixed(1)} ms, honeypot median ${median(honeypot).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });
});

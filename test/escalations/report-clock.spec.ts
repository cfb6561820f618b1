import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DeliveryDispatcher } from '@dh/delivery';
import { EscalationSweepService } from '@dh/escalations';
import { auth, buildWorld, Login, World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { submitReport } from '../support/report-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('report clocks, the effective calendar, the outbox and the ward’s SLA policy', () => {
  let t: TestApp;
  let w: World;
  const sweep = () => t.app.get(EscalationSweepService).sweepOnce();
  const levels = async (who: Login, level?: string) =>
    (
      (
        await t
          .http()
          .get('/api/alerts')
          .query({ pageSize: 100, ...(level ? { level } : {}) })
          .set(auth(who))
          .expect(200)
      ).body.items as { level: string; reason: string; caseId: string | null }[]
    ).filter((a) => a.caseId === null);

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('runs the semester I report clock per school: principal at the due date, ward officer after, closed by a submission', async () => {
    const { principalA: htA, principalB: htB, wardW: vh } = w.users;
    t.clock.set('2026-12-01T09:00:00+07:00');
    await sweep();
    // School B reports on time: its clock stops.
    await submitReport(t, htB, w.schoolB, 'semester_1', '2026-2027');
    await t
      .http()
      .post('/api/reports')
      .set(auth(htB))
      .send({ schoolId: w.schoolA, kind: 'semester_1', schoolYear: '2026-2027' })
      .expect(404);

    t.clock.set('2027-01-14T17:00:00+07:00'); // a working day before 15/1: reminder
    await sweep();
    expect((await levels(htA)).map((a) => a.level)).toEqual(['reminder']);
    t.clock.set('2027-01-15T17:00:00+07:00');
    await sweep();
    const overdue = await levels(htA, 'overdue');
    expect(overdue.map((a) => a.reason)).toEqual([
      'Quá hạn nộp báo cáo sơ kết học kỳ I (hạn 17:00 15/01/2027) — Trường THCS Thử Nghiệm A',
    ]);
    t.clock.set('2027-01-22T17:00:00+07:00'); // +5 working days
    await sweep();
    expect((await levels(vh)).map((a) => a.reason)).toEqual([
      'Quá hạn nộp báo cáo sơ kết học kỳ I 5 ngày làm việc — Trường THCS Thử Nghiệm A',
    ]);
    expect(await levels(htB)).toEqual([]);
  });

  it('lists the effective calendar of a year to an admin only', async () => {
    const res = await t.http().get('/api/admin/calendar/2026').set(auth(w.users.adminW)).expect(200);
    expect(res.body.items.find((d: { date: string }) => d.date === '2026-11-24')).toMatchObject({
      name: 'Ngày Văn hóa Việt Nam',
    });
    expect(
      res.body.items
        .filter((d: { kind: string }) => d.kind === 'working_saturday')
        .map((d: { date: string }) => d.date),
    ).toEqual(['2026-01-10', '2026-08-22']);
    await t.http().get('/api/admin/calendar/2026').set(auth(w.users.counsellorA)).expect(403);
    await t.http().get('/api/admin/calendar/abc').set(auth(w.users.adminW)).expect(400);
  });

  it('queues one outbox message per alert, and delivery takes them all (nothing to send with no channel set)', async () => {
    const pg = new Client({ connectionString: t.db.url });
    await pg.connect();
    try {
      const before = (await pg.query(`SELECT count(*)::int AS n FROM alert_outbox WHERE sent_at IS NULL`)).rows[0].n;
      const alerts = (await pg.query(`SELECT count(*)::int AS n FROM alert`)).rows[0].n;
      expect((await pg.query(`SELECT count(*)::int AS n FROM alert_outbox`)).rows[0].n).toBe(alerts);
      const { routed, sent, failed } = await t.app.get(DeliveryDispatcher).drain();
      expect({ routed, sent, failed }).toEqual({ routed: before, sent: 0, failed: 0 });
      expect((await pg.query(`SELECT count(*)::int AS n FROM alert_outbox WHERE sent_at IS NULL`)).rows[0].n).toBe(0);
    } finally {
      await pg.end();
    }
  });
});

describe('a ward’s SLA policy file', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    const file = join(__dirname, '../../dist-test-policy.json');
    writeFileSync(
      file,
      JSON.stringify({ principalAfterWorkingDays: 1, deadlines: { assessment_due: { due: { workingDays: 2 } } } }),
    );
    t = await startTestApp({ SLA_POLICY_FILE: file });
    w = await buildWorld(t.app);
  });
  afterAll(() => t.close());

  it('replaces the machine’s default durations and thresholds', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    let c = await openCase(t, w);
    c = await move(t, w.users.counsellorA, c, 'START_ASSESSMENT');
    const view = await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.counsellorA)).expect(200);
    expect(view.body.deadlines[0]).toMatchObject({
      kind: 'assessment_due',
      dueAt: new Date('2026-03-04T17:00:00+07:00').toISOString(),
    });
    t.clock.set('2026-03-05T17:00:00+07:00');
    await t.app.get(EscalationSweepService).sweepOnce();
    const alerts = (await t.http().get('/api/alerts').query({ caseId: c.id }).set(auth(w.users.principalA)).expect(200))
      .body.items;
    expect(alerts.map((a: { level: string }) => a.level)).toEqual(['principal']);
  });
});

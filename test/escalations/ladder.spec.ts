import { auth, Login, World } from '../support/fixtures';
import { move, openCase, toMonitoring } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useEscalationWorld } from '../support/escalation-helpers';

type AlertBody = {
  id: string;
  recipientId: string;
  caseId: string;
  caseCode: string | null;
  level: string;
  reason: string;
  acknowledgedAt: string | null;
};

describe('deadlines and the escalation ladder', () => {
  let t: TestApp;
  let w: World;
  const alertsOf = async (who: Login, caseId?: string): Promise<AlertBody[]> =>
    (
      await t
        .http()
        .get('/api/alerts')
        .query(caseId ? { caseId, pageSize: 100 } : { pageSize: 100 })
        .set(auth(who))
        .expect(200)
    ).body.items;

  const { world, sweep, at } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('raises reminder, overdue, principal and ward alerts for a case left in assessment, each at its instant and once', async () => {
    const { counsellorA: tv, supervisorA: tt, supervisorA2: tt2, principalA: ht, wardW: vh, principalB } = w.users;
    at('2026-03-02T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    const got = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    // 5 working days: Mon 2/3 09:00 → the close of Mon 9/3, 17:00.
    expect(got.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'assessment_due', dueAt: '2026-03-09T10:00:00.000Z', level: null }),
    ]);

    const levelsFor = async (who: Login) => (await alertsOf(who, c.id)).map((a) => a.level).sort();
    at('2026-03-06T16:59:00+07:00');
    await sweep();
    expect(await levelsFor(tv)).toEqual([]);
    at('2026-03-06T17:00:00+07:00'); // a working day before: reminder to the counsellor only
    await sweep();
    expect(await levelsFor(tv)).toEqual(['reminder']);
    expect(await levelsFor(tt)).toEqual([]);

    at('2026-03-09T17:00:00+07:00'); // due: counsellor and both supervisors
    await sweep();
    expect(await levelsFor(tv)).toEqual(['overdue', 'reminder']);
    expect(await levelsFor(tt)).toEqual(['overdue']);
    expect(await levelsFor(tt2)).toEqual(['overdue']);
    expect(await levelsFor(ht)).toEqual([]);
    const listed = await t.http().get('/api/cases').query({ overdue: true }).set(auth(tt)).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(c.id);

    at('2026-03-11T17:00:00+07:00'); // +2 working days: the principal
    await sweep();
    const principal = await alertsOf(ht, c.id);
    expect(principal.map((a) => a.level)).toEqual(['principal']);
    expect(principal[0].reason).toBe(
      `Quá hạn hoàn thành đánh giá 2 ngày làm việc — Trường THCS Thử Nghiệm A (hồ sơ ${(got.body as { code: string }).code})`,
    );
    expect(await levelsFor(vh)).toEqual([]);

    at('2026-03-16T17:00:00+07:00'); // +5 working days: the ward officer
    await sweep();
    expect(await levelsFor(vh)).toEqual(['ward']);
    expect((await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200)).body.deadlines[0].level).toBe('ward');

    // Sweeping again, later, raises nothing twice; another school's principal heard nothing.
    at('2026-04-30T09:00:00+07:00');
    await sweep();
    expect(await levelsFor(tv)).toEqual(['overdue', 'reminder']);
    expect(await levelsFor(ht)).toEqual(['principal']);
    expect(await alertsOf(principalB)).toEqual([]);
  });

  it('sends any critical case that falls overdue to the ward officer at once', async () => {
    const { counsellorA: tv, wardW: vh } = w.users;
    at('2026-07-06T09:00:00+07:00'); // Monday
    let c = await openCase(t, w, { riskLevel: 'critical' });
    c = await move(t, tv, c, 'START_ASSESSMENT');
    at('2026-07-13T17:00:00+07:00'); // due: 5 working days, at the close
    await sweep();
    expect((await alertsOf(vh, c.id)).map((a) => a.level)).toEqual(['overdue']);
  });

  it('closes a state’s deadlines when the case moves on: no later alert fires for them', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    at('2026-06-01T09:00:00+07:00');
    const c = await toMonitoring(t, tv, await openCase(t, w));
    at('2026-06-30T09:00:00+07:00');
    await sweep();
    const kinds = (await alertsOf(tt, c.id)).map((a) => a.reason);
    expect(kinds.filter((r) => /đánh giá|kế hoạch hỗ trợ|liên hệ lần đầu/i.test(r))).toEqual([]);
    const view = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    expect(view.body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['plan_review']);
  });

  it('repeats the 30-day plan review while the case stays in monitoring', async () => {
    const { counsellorA: tv } = w.users;
    at('2026-09-07T09:00:00+07:00');
    const c = await toMonitoring(t, tv, await openCase(t, w));
    at('2026-10-07T09:00:00+07:00');
    await sweep();
    const view = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    expect(view.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'plan_review', dueAt: '2026-11-06T02:00:00.000Z', level: null }),
    ]);
    at('2026-11-06T09:00:00+07:00');
    await sweep();
    const overdue = (await alertsOf(tv, c.id)).filter((a) => a.level === 'overdue');
    expect(overdue).toHaveLength(2);
  });

  it('alerts the supervisors and the principal inside the transition when the risk becomes critical', async () => {
    const { counsellorA: tv, supervisorA: tt, supervisorA2: tt2, principalA: ht } = w.users;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'UPDATE_RISK', { riskLevel: 'critical', riskRationale: 'Em nói muốn tự tử.' });
    for (const who of [tt, tt2, ht]) {
      expect((await alertsOf(who, c.id)).map((a) => a.level)).toEqual(['critical_risk']);
    }
    expect(await alertsOf(tv, c.id)).toEqual([]);
  });

  it('takes an acknowledgement only with a next action, and puts it in the case history', async () => {
    const { counsellorA: tv, supervisorA: tt, counsellorA2: tv2 } = w.users;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'UPDATE_RISK', { riskLevel: 'critical', riskRationale: 'Có dấu hiệu bị bạo hành.' });
    const [alert] = await alertsOf(tt, c.id);
    const empty = await t
      .http()
      .post(`/api/alerts/${alert.id}/ack`)
      .set(auth(tt))
      .send({ nextAction: '  ' })
      .expect(400);
    expect(empty.body.details[0].field).toBe('nextAction');
    await t.http().post(`/api/alerts/${alert.id}/ack`).set(auth(tv2)).send({ nextAction: 'x' }).expect(404);
    const ack = await t
      .http()
      .post(`/api/alerts/${alert.id}/ack`)
      .set(auth(tt))
      .send({ nextAction: 'Gặp em và gia đình trong sáng mai.' })
      .expect(200);
    expect(ack.body).toMatchObject({ acknowledgedBy: tt.id, nextAction: 'Gặp em và gia đình trong sáng mai.' });
    // The case's code comes with the alert, for a page to link to without reading the case.
    expect(alert.caseCode).toBe(c.code);
    expect(ack.body.caseCode).toBe(c.code);
    await t.http().post(`/api/alerts/${alert.id}/ack`).set(auth(tt)).send({ nextAction: 'lần hai' }).expect(409);
    const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(tt)).expect(200)).body.items;
    expect(history.at(-1)).toMatchObject({
      type: 'ALERT_ACKNOWLEDGED',
      actorId: tt.id,
      payload: { nextAction: 'Gặp em và gia đình trong sáng mai.' },
    });
    expect((await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(tt)).expect(200)).body.valid).toBe(true);
    // Unacknowledged first in the inbox.
    const inbox = (await t.http().get('/api/alerts').set(auth(tt)).expect(200)).body.items as AlertBody[];
    const firstAcked = inbox.findIndex((a) => a.acknowledgedAt !== null);
    expect(inbox.slice(firstAcked).every((a) => a.acknowledgedAt !== null)).toBe(true);
  });
});

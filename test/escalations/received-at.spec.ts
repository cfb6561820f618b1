import { auth, World } from '../support/fixtures';
import { CaseBody, createLearner, move, openCase, sendEvent } from '../support/case-helpers';
import { getForm, hasRun, readDocx } from '../support/docx';
import { report, reportCase } from '../support/intake-helpers';
import { TestApp } from '../support/test-app';
import { useEscalationWorld } from '../support/escalation-helpers';
import type { Client } from 'pg';

type Problem = { field: string; problems: string[] };

const FUTURE = 'Thời điểm tiếp nhận không được ở sau thời điểm hiện tại / receivedAt must not be in the future';
const concern = { kind: 'abuse', facts: 'Em kể bị người lớn trong nhà đánh, có vết bầm ở tay.', carerSuspected: false };

// A report that reached the school yesterday evening and was typed in this morning is already partly late: every
// clock it starts, and Form 01, count from when the school learned; the trail keeps both instants.
describe('clocks start when the school learned, not when someone typed', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const iso = (local: string) => new Date(local).toISOString();
  const { world, sweep, at, deadlineOf, alertLevels: levels } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const deadline = (c: { id: string }, kind: string) => deadlineOf(c, kind, w.users.supervisorA);
  const caseCount = async () => Number((await pg.query('SELECT count(*) AS n FROM "case"')).rows[0].n);
  const openBody = async (extra: Record<string, unknown>) => ({
    schoolId: w.schoolA,
    learnerId: (await createLearner(t, w.users.counsellorA, w.schoolA)).id,
    areas: [{ code: 'tam_ly', priority: 1 }],
    channel: 'giao_vien',
    summary: 'Cô chủ nhiệm báo em khóc trong giờ học.',
    riskLevel: 'medium',
    riskRationale: 'Ban đầu.',
    ...extra,
  });

  it('a report received last evening and typed in this morning: first contact is due from the evening, and the sweep says so', async () => {
    at('2026-03-03T08:00:00+07:00'); // Tuesday morning
    const c = await openCase(t, w, { body: { receivedAt: '2026-03-02T16:00:00+07:00' } }); // Monday, an hour before closing
    expect(c).toMatchObject({
      receivedAt: iso('2026-03-02T16:00:00+07:00'),
      createdAt: iso('2026-03-03T08:00:00+07:00'),
    });
    // One working day from Monday 16:00 runs out on Tuesday: its close, 17:00, not Wednesday's.
    expect(await deadline(c, 'first_contact')).toMatchObject({
      dueAt: iso('2026-03-03T17:00:00+07:00'),
      startedAt: iso('2026-03-02T16:00:00+07:00'),
    });

    at('2026-03-03T16:59:00+07:00');
    await sweep();
    expect(await levels(w.users.counsellorA, c)).toEqual([]);
    at('2026-03-03T17:00:00+07:00');
    await sweep();
    expect(await levels(w.users.counsellorA, c)).toEqual(['overdue']);
  });

  it('the history and the chronology keep both instants; Form 01 prints when it was received', async () => {
    at('2026-03-10T08:15:00+07:00');
    const c = await openCase(t, w, { body: { receivedAt: '2026-03-09T17:40:00+07:00' } });
    const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(w.users.supervisorA)).expect(200)).body
      .items;
    expect(history[0]).toMatchObject({
      type: 'CASE_OPENED',
      at: iso('2026-03-10T08:15:00+07:00'),
      payload: expect.objectContaining({ receivedAt: iso('2026-03-09T17:40:00+07:00') }),
    });
    const chronology = (await t.http().get(`/api/cases/${c.id}/chronology`).set(auth(w.users.supervisorA)).expect(200))
      .body.items;
    expect(chronology[0]).toMatchObject({
      type: 'CASE_OPENED',
      occurredAt: iso('2026-03-09T17:40:00+07:00'),
      recordedAt: iso('2026-03-10T08:15:00+07:00'),
    });

    const { runs } = readDocx((await getForm(t, w.users.supervisorA, c.id, '1').expect(200)).body);
    expect(hasRun(runs, '17 giờ 40, ngày 09/03/2026')).toBe(true);
    expect(hasRun(runs, 'ngày 10/03/2026')).toBe(false);
  });

  it('a case without receivedAt was received when it was recorded', async () => {
    at('2026-03-16T09:30:00+07:00');
    const c = await openCase(t, w);
    expect(c).toMatchObject({ receivedAt: iso('2026-03-16T09:30:00+07:00') });
    expect(await deadline(c, 'first_contact')).toMatchObject({ startedAt: iso('2026-03-16T09:30:00+07:00') });
  });

  it('a protection concern heard yesterday afternoon: its 12 working hours count from then', async () => {
    at('2026-03-09T08:00:00+07:00');
    let c = await openCase(t, w);
    at('2026-03-10T09:00:00+07:00'); // Tuesday
    c = await move(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', {
      ...concern,
      receivedAt: '2026-03-09T15:00:00+07:00',
    });
    // Monday 15:00 + 12 working hours: Mon 2h, Tue 7.5h, Wed 07:30–10:00 2.5h (from Tuesday 09:00 it would be Wed 15:30).
    expect(await deadline(c, 'protection_notification')).toMatchObject({
      dueAt: iso('2026-03-11T10:00:00+07:00'),
      startedAt: iso('2026-03-09T15:00:00+07:00'),
    });
    const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(w.users.supervisorA)).expect(200)).body
      .items;
    expect(history.find((h: { type: string }) => h.type === 'RAISE_PROTECTION_CONCERN')).toMatchObject({
      type: 'RAISE_PROTECTION_CONCERN',
      at: iso('2026-03-10T09:00:00+07:00'),
      payload: expect.objectContaining({ receivedAt: iso('2026-03-09T15:00:00+07:00') }),
    });

    at('2026-03-11T09:59:00+07:00');
    await sweep();
    expect(await levels(w.users.principalA, c)).toEqual([]);
    at('2026-03-11T10:00:00+07:00');
    await sweep();
    expect(await levels(w.users.principalA, c)).toEqual(['principal']);
  });

  it('a concern recorded days after the school heard of it escalates on the very next sweep', async () => {
    at('2026-03-12T07:30:00+07:00');
    let c = await openCase(t, w);
    at('2026-03-17T08:00:00+07:00'); // the next Tuesday
    c = await move(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', {
      ...concern,
      receivedAt: '2026-03-12T08:00:00+07:00',
    });
    // Thursday 08:00 + 12 working hours: Thu 7h, Fri 07:30–11:30 4h, 13:30–14:30 1h; the ward a working day after.
    expect(await deadline(c, 'protection_notification')).toMatchObject({ dueAt: iso('2026-03-13T14:30:00+07:00') });
    await sweep();
    expect(await levels(w.users.principalA, c)).toEqual(['principal']);
    expect(await levels(w.users.wardW, c)).toEqual(['ward']);
  });

  it('refuses a receivedAt in the future, or older than 30 days without a reason, naming the field; nothing is written', async () => {
    at('2026-04-01T09:00:00+07:00');
    const before = await caseCount();
    const post = async (extra: Record<string, unknown>) =>
      t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send(await openBody(extra));
    const fieldsOf = (res: { status: number; body: { details: Problem[] } }) => {
      expect(res.status).toBe(400);
      return res.body.details;
    };

    expect(fieldsOf(await post({ receivedAt: '2026-04-01T09:01:00+07:00' }))).toEqual([
      { field: 'receivedAt', label: 'Thời gian tiếp nhận', problems: [FUTURE] },
    ]);
    const noOffset = fieldsOf(await post({ receivedAt: '2026-03-31T16:00:00' }));
    expect(noOffset).toEqual([
      {
        field: 'receivedAt',
        label: 'Thời gian tiếp nhận',
        problems: [expect.stringMatching(/^Thời điểm tiếp nhận .* \/ receivedAt must be/)],
      },
    ]);
    const old = fieldsOf(await post({ receivedAt: '2026-03-01T08:59:00+07:00' }));
    expect(old).toEqual([
      {
        field: 'receivedLateReason',
        label: 'Lý do nhập muộn',
        problems: [expect.stringMatching(/^Cần ghi lý do .*30 ngày.* \/ receivedLateReason is required .*30 days/)],
      },
    ]);
    expect(fieldsOf(await post({ receivedAt: '2026-03-01T08:59:00+07:00', receivedLateReason: '   ' }))[0].field).toBe(
      'receivedLateReason',
    );
    expect(fieldsOf(await post({ receivedLateReason: 'Hòm thư chỉ mở hằng tháng.' }))[0].field).toBe(
      'receivedLateReason',
    );
    expect(await caseCount()).toBe(before);

    // Thirty days to the minute needs no reason; older does, and the reason stays in the trail for those who read it.
    await post({ receivedAt: '2026-03-02T09:00:00+07:00' }).then((r) => expect(r.status).toBe(201));
    const late = await post({
      receivedAt: '2026-02-20T10:00:00+07:00',
      receivedLateReason: 'Thư trong hòm thư góp ý chỉ được mở sau kỳ nghỉ.',
    });
    expect(late.status).toBe(201);
    const history = (
      await t.http().get(`/api/cases/${late.body.id}/history`).set(auth(w.users.supervisorA)).expect(200)
    ).body.items;
    expect(history[0].payload).toMatchObject({
      receivedAt: iso('2026-02-20T10:00:00+07:00'),
      receivedLateReason: 'Thư trong hòm thư góp ý chỉ được mở sau kỳ nghỉ.',
    });
    const masked = (await t.http().get(`/api/cases/${late.body.id}/history`).set(auth(w.users.principalA)).expect(200))
      .body.items;
    expect(masked[0]).toMatchObject({
      payload: { receivedLateReason: null },
      masked: expect.arrayContaining(['receivedLateReason']),
    });
  });

  it('refuses a concern received in the future or long ago without a reason; the case is left as it was', async () => {
    at('2026-04-06T09:00:00+07:00');
    const c: CaseBody = await openCase(t, w);
    const future = await sendEvent(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', {
      ...concern,
      receivedAt: '2026-04-06T10:00:00+07:00',
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([
      { field: 'payload.receivedAt', label: 'Thời gian tiếp nhận', problems: [FUTURE] },
    ]);
    const old = await sendEvent(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', {
      ...concern,
      receivedAt: '2026-03-01T09:00:00+07:00',
    });
    expect(old.status).toBe(400);
    expect(old.body.details[0].field).toBe('payload.receivedLateReason');
    const after = (await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.counsellorA)).expect(200)).body;
    expect(after).toMatchObject({ version: c.version, protection: 'none' });

    const raised = await move(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', {
      ...concern,
      receivedAt: '2026-03-01T09:00:00+07:00',
      receivedLateReason: 'Em chỉ kể lại sau kỳ nghỉ.',
    });
    expect(raised).toMatchObject({ protection: 'open' });
  });

  it('a public report was received when it was sent; the public cannot say otherwise', async () => {
    at('2026-03-18T20:45:00+07:00');
    const { caseId } = await reportCase(t, {
      schoolCode: 'TA',
      whatIsHappening: 'Bạn cùng lớp bị bắt nạt sau giờ học.',
    });
    const sent = t.clock.now().toISOString();
    const c = (await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(c).toMatchObject({ receivedAt: sent, createdAt: sent });

    t.clock.advance(61 * 60_000);
    const before = await caseCount();
    const res = await report(t, {
      schoolCode: 'TA',
      whatIsHappening: 'Kể từ tuần trước.',
      receivedAt: '2026-03-10T08:00:00+07:00',
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'receivedAt' })]);
    expect(await caseCount()).toBe(before);
  });
});

import { auth, Login, World } from '../support/fixtures';
import {
  CaseBody,
  historyOf,
  move,
  openCase,
  PAYLOADS,
  prepareReferral,
  sendEvent,
  verifyOf,
} from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('a case through the Circular 18 process, end to end', () => {
  let t: TestApp;
  let w: World;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  // Every step is in the history with its actor and time, and the chain verifies. Reading the trail
  // (it holds what was written about the learner) is itself the next event: VIEWED, by the reader.
  const expectTrail = async (c: CaseBody, steps: [string, string, Login][]) => {
    const items = await historyOf(t, w.users.supervisorA, c.id);
    expect(items.map((i) => [i.type, i.toState, i.actorId])).toEqual(steps.map(([type, to, by]) => [type, to, by.id]));
    expect(items.map((i) => i.seq)).toEqual(steps.map((_, i) => i + 1));
    for (const i of items) expect(Date.parse(i.at)).not.toBeNaN();
    expect(await verifyOf(t, w.users.supervisorA, c.id)).toEqual({ valid: true, events: steps.length + 1 });
    const [viewed] = (await historyOf(t, w.users.supervisorA, c.id)).slice(steps.length);
    expect(viewed).toMatchObject({ type: 'VIEWED', actorId: w.users.supervisorA.id, actorRole: 'supervisor' });
  };

  it('runs intake → assessment → planning → monitoring → closed → archived for a medium-risk case', async () => {
    const { counsellorA: tv } = w.users;
    let c = await openCase(t, w);
    expect(c).toMatchObject({
      state: 'intake',
      protection: 'none',
      version: 1,
      machineVersion: 'case@2',
      assigneeId: tv.id,
      riskLevel: 'medium',
    });
    expect(c.code).toMatch(/^TA-\d{4}-\d{4}$/);
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['START_ASSESSMENT', 'CLOSE_AT_INTAKE', 'ADD_NOTE']));

    t.clock.advance(3600_000);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('medium'));
    expect(c.state).toBe('planning');
    c = await move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    expect(c.state).toBe('monitoring');
    c = await move(t, tv, c, 'ADD_NOTE', { text: 'Buổi gặp đầu tiên, em cởi mở hơn.' });
    c = await move(t, tv, c, 'PROPOSE_CLOSURE', { outcome: 'Em đã ổn định, đi học đều.' });
    expect(c.state).toBe('closed.followUp');
    // Both follow-up contacts first (records beside the stages: neither the stage nor the version moves).
    for (const notes of ['Sau 30 ngày: em vẫn đi học đều.', 'Sau 90 ngày: em ổn định.']) {
      t.clock.advance(3600_000);
      await t
        .http()
        .post(`/api/cases/${c.id}/follow-ups`)
        .set(auth(tv))
        .send({ ...PAYLOADS.followUp, contactedAt: new Date(t.clock.now().getTime() - 60_000).toISOString(), notes })
        .expect(201);
    }
    c = await move(t, tv, c, 'FOLLOW_UP_DONE', { notes: 'Gia đình xác nhận em ổn định sau 90 ngày.' });
    expect(c).toMatchObject({ state: 'closed.archived', version: 7 });

    await expectTrail(c, [
      ['CASE_OPENED', 'intake', tv],
      ['START_ASSESSMENT', 'assessment', tv],
      ['COMPLETE_ASSESSMENT', 'planning', tv],
      ['SUBMIT_PLAN', 'monitoring', tv],
      ['ADD_NOTE', 'monitoring', tv],
      ['PROPOSE_CLOSURE', 'closed.followUp', tv],
      ['FOLLOW_UP_RECORDED', 'closed.followUp', tv],
      ['FOLLOW_UP_RECORDED', 'closed.followUp', tv],
      ['FOLLOW_UP_DONE', 'closed.archived', tv],
    ]);
    const got = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    expect(got.body).toMatchObject({ id: c.id, state: 'closed.archived', version: 7 });
  });

  it('sends a high-risk plan and closure to a supervisor; a counsellor cannot approve, nor can anyone approve their own submission', async () => {
    const { counsellorA: tv, supervisorA: tt, supervisorA2: tt2 } = w.users;
    let c = await openCase(t, w, { riskLevel: 'high' });
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('high'));
    c = await move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    expect(c.state).toBe('planReview');

    const byCounsellor = await sendEvent(t, tv, c, 'APPROVE_PLAN', {});
    expect(byCounsellor.status).toBe(422);
    expect(byCounsellor.body.details.reason).toBe('role_not_allowed');

    c = await move(t, tt, c, 'RETURN_PLAN', { reason: 'Cần thêm mục tiêu về gia đình.' });
    expect(c.state).toBe('planning');
    // The supervisor writes the plan this time, so the supervisor cannot approve it.
    c = await move(t, tt, c, 'SUBMIT_PLAN', {
      ...PAYLOADS.plan,
      goals: [...PAYLOADS.plan.goals, 'Gặp gia đình hai tuần một lần'],
    });
    const own = await sendEvent(t, tt, c, 'APPROVE_PLAN', {});
    expect(own.status).toBe(422);
    expect(own.body.details.reason).toBe('own_submission');
    c = await move(t, tt2, c, 'APPROVE_PLAN', { comment: 'Đồng ý.' });
    expect(c.state).toBe('monitoring');

    c = await move(t, tv, c, 'PROPOSE_CLOSURE', { outcome: 'Đạt mục tiêu.' });
    expect(c.state).toBe('closureReview');
    expect((await sendEvent(t, tv, c, 'APPROVE_CLOSURE', {})).status).toBe(422);
    c = await move(t, tt, c, 'REJECT_CLOSURE', { reason: 'Chưa gặp gia đình lần cuối.' });
    expect(c.state).toBe('monitoring');
    c = await move(t, tv, c, 'PROPOSE_CLOSURE', { outcome: 'Đạt mục tiêu, gia đình đồng ý.' });
    c = await move(t, tt, c, 'APPROVE_CLOSURE', {});
    expect(c.state).toBe('closed.followUp');

    await expectTrail(c, [
      ['CASE_OPENED', 'intake', tv],
      ['START_ASSESSMENT', 'assessment', tv],
      ['COMPLETE_ASSESSMENT', 'planning', tv],
      ['SUBMIT_PLAN', 'planReview', tv],
      ['RETURN_PLAN', 'planning', tt],
      ['SUBMIT_PLAN', 'planReview', tt],
      ['APPROVE_PLAN', 'monitoring', tt2],
      ['PROPOSE_CLOSURE', 'closureReview', tv],
      ['REJECT_CLOSURE', 'monitoring', tt],
      ['PROPOSE_CLOSURE', 'closureReview', tv],
      ['APPROVE_CLOSURE', 'closed.followUp', tt],
    ]);
  });

  it('follows a referral that is accepted and completed, and one that is declined back to assessment', async () => {
    const { counsellorA: tv } = w.users;
    let accepted = await openCase(t, w);
    accepted = await move(t, tv, accepted, 'START_ASSESSMENT');
    accepted = await move(t, tv, accepted, 'REFER', (await prepareReferral(t, w, accepted, { by: tv })).payload);
    expect(accepted.state).toBe('referral.pending');
    accepted = await move(t, tv, accepted, 'REFERRAL_ACCEPTED');
    expect(accepted.state).toBe('referral.inService');
    accepted = await move(t, tv, accepted, 'REFERRAL_COMPLETED', {
      feedback: 'Em đã được tư vấn 4 buổi, tiến triển tốt.',
    });
    expect(accepted.state).toBe('monitoring');
    await expectTrail(accepted, [
      ['CASE_OPENED', 'intake', tv],
      ['START_ASSESSMENT', 'assessment', tv],
      // The guardian's and the learner's consent to the referral, recorded before it (stage unchanged).
      ['CONSENT_RECORDED', 'assessment', tv],
      ['CONSENT_RECORDED', 'assessment', tv],
      ['REFER', 'referral.pending', tv],
      ['REFERRAL_ACCEPTED', 'referral.inService', tv],
      ['REFERRAL_COMPLETED', 'monitoring', tv],
    ]);

    let declined = await openCase(t, w);
    declined = await move(t, tv, declined, 'START_ASSESSMENT');
    declined = await move(t, tv, declined, 'REFER', (await prepareReferral(t, w, declined, { by: tv })).payload);
    declined = await move(t, tv, declined, 'REFERRAL_DECLINED', { reason: 'Đơn vị không nhận học sinh dưới 12 tuổi.' });
    expect(declined.state).toBe('assessment');
    await expectTrail(declined, [
      ['CASE_OPENED', 'intake', tv],
      ['START_ASSESSMENT', 'assessment', tv],
      // The guardian's and the learner's consent to the referral, recorded before it (stage unchanged).
      ['CONSENT_RECORDED', 'assessment', tv],
      ['CONSENT_RECORDED', 'assessment', tv],
      ['REFER', 'referral.pending', tv],
      ['REFERRAL_DECLINED', 'assessment', tv],
    ]);
  });

  it('reopens a closed case back to assessment with a reason, and records assignment and risk changes', async () => {
    const { counsellorA: tv, counsellorA2: tv2, supervisorA: tt } = w.users;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'CLOSE_AT_INTAKE', { reason: 'Thông tin không chính xác.' });
    expect(c.state).toBe('closed.followUp');
    c = await move(t, tt, c, 'REOPEN', { reason: 'Giáo viên báo lại sự việc tiếp diễn.' });
    expect(c.state).toBe('assessment');
    c = await move(t, tt, c, 'REASSIGN', { assigneeId: tv2.id });
    expect(c.assigneeId).toBe(tv2.id);
    // The former assignee no longer works the case.
    expect((await sendEvent(t, tv, c, 'ADD_NOTE', { text: 'x' })).body.details.reason).toBe('not_assignee');
    c = await move(t, tv2, c, 'UPDATE_RISK', { riskLevel: 'critical', riskRationale: 'Em bị người chăm sóc đánh.' });
    // A write's answer leaves confidential content out; reading it is a GET, recorded as such.
    expect(c).toMatchObject({ riskLevel: 'critical', riskRationale: null, masked: ['summary', 'riskRationale'] });
    await expectTrail(c, [
      ['CASE_OPENED', 'intake', tv],
      ['CLOSE_AT_INTAKE', 'closed.followUp', tv],
      ['REOPEN', 'assessment', tt],
      ['REASSIGN', 'assessment', tt],
      ['UPDATE_RISK', 'assessment', tv2],
    ]);
    const read = await t.http().get(`/api/cases/${c.id}`).set(auth(tv2)).expect(200);
    expect(read.body).toMatchObject({ riskRationale: 'Em bị người chăm sóc đánh.', masked: [] });
  });

  it('lists cases by state, assignee, area and risk, a page at a time', async () => {
    const { counsellorA2: tv2, supervisorA: tt } = w.users;
    const mine = await openCase(t, w, { by: tv2, riskLevel: 'critical' });
    const byState = await t.http().get('/api/cases').query({ state: 'referral' }).set(auth(tt)).expect(200);
    expect(byState.body.items.every((i: CaseBody) => i.state.startsWith('referral.'))).toBe(true);
    const byAssignee = await t
      .http()
      .get('/api/cases')
      .query({ assigneeId: tv2.id, risk: 'critical', area: 'tam_ly' })
      .set(auth(tt))
      .expect(200);
    expect(byAssignee.body.items.map((i: CaseBody) => i.id)).toContain(mine.id);
    expect(byAssignee.body.items.every((i: CaseBody) => i.assigneeId === tv2.id && i.riskLevel === 'critical')).toBe(
      true,
    );
    const none = await t.http().get('/api/cases').query({ area: 'huong_nghiep' }).set(auth(tt)).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const page1 = await t.http().get('/api/cases').query({ pageSize: 2, page: 1 }).set(auth(tt)).expect(200);
    const page2 = await t.http().get('/api/cases').query({ pageSize: 2, page: 2 }).set(auth(tt)).expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThan(4);
    expect(page2.body.items.map((i: CaseBody) => i.id)).not.toContain(page1.body.items[0].id);
  });
});

import { auth, buildWorld, World } from '../support/fixtures';
import { CaseBody, createLearner, historyOf, move, sendEvent, verifyOf } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { reportCase } from '../support/intake-helpers';

describe('a report from the public form: naming its learner, and what waits for it', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
  });
  afterAll(() => t.close());

  const anonymousCase = async (): Promise<CaseBody> => {
    const { caseId } = await reportCase(t, {
      schoolCode: 'TA',
      whatIsHappening: 'Có bạn trong lớp em hay khóc một mình.',
    });
    return (await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.supervisorA)).expect(200)).body;
  };
  const identify = (by: World['users'][keyof World['users']], caseId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/cases/${caseId}/learner`).set(auth(by)).send(body);

  it('refuses START_ASSESSMENT while the learner is unknown (422 learner_unknown), then takes it once the team names them', async () => {
    const c = await anonymousCase();
    // Not offered while it would be refused; closing at intake is.
    expect(c.allowedEvents).not.toContain('START_ASSESSMENT');
    expect(c.allowedEvents).toContain('CLOSE_AT_INTAKE');
    const refused = await sendEvent(t, w.users.supervisorA, c, 'START_ASSESSMENT').expect(422);
    expect(refused.body).toMatchObject({
      details: { reason: 'learner_unknown' },
      message: expect.stringContaining('chưa xác định học sinh'),
      messageEn: expect.stringContaining('not named'),
    });
    // The machine's own refusal comes first where it applies: a counsellor not assigned is told so.
    expect((await sendEvent(t, w.users.counsellorA, c, 'START_ASSESSMENT').expect(422)).body.details.reason).toBe(
      'not_assignee',
    );

    const own = await createLearner(t, w.users.supervisorA, w.schoolA);
    const other = await createLearner(t, w.users.supervisorB, w.schoolB);
    // Only the case team of the case's school names the learner, and only a learner of that school.
    await identify(w.users.counsellorA, c.id, { learnerId: own.id }).expect(403);
    await identify(w.users.principalA, c.id, { learnerId: own.id }).expect(403);
    await identify(w.users.supervisorB, c.id, { learnerId: own.id }).expect(404);
    await identify(w.users.supervisorA, c.id, { learnerId: other.id }).expect(404);
    const bad = await identify(w.users.supervisorA, c.id, {
      learnerId: 'x',
      areas: [{ code: 'tam_ly', priority: 2 }],
    }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['learnerId']);
    await identify(w.users.supervisorA, c.id, { learnerId: own.id, areas: [{ code: 'tam_ly', priority: 2 }] }).expect(
      400,
    );

    const named = await identify(w.users.supervisorA, c.id, {
      learnerId: own.id,
      areas: [
        { code: 'tam_ly', priority: 1 },
        { code: 'ky_nang_song', priority: 2 },
      ],
    }).expect(200);
    // A non-stage event: the stage and version stay; the answer is masked like every answer to a write.
    expect(named.body).toMatchObject({
      learnerId: own.id,
      state: 'intake',
      version: c.version,
      summary: null,
      areas: [
        { code: 'tam_ly', priority: 1 },
        { code: 'ky_nang_song', priority: 2 },
      ],
    });
    expect(named.body.allowedEvents).toContain('START_ASSESSMENT');
    const history = await historyOf(t, w.users.supervisorA, c.id);
    expect(history.at(-1)).toMatchObject({
      type: 'LEARNER_IDENTIFIED',
      actorId: w.users.supervisorA.id,
      actorRole: 'supervisor',
      fromState: 'intake',
      toState: 'intake',
      payload: { learnerId: own.id, previousLearnerId: null },
    });

    const assigned = await move(t, w.users.supervisorA, named.body, 'ASSIGN', { assigneeId: w.users.counsellorA.id });
    // The assignee may correct the learner while the case is at intake.
    const corrected = await identify(w.users.counsellorA, c.id, { learnerId: own.id }).expect(200);
    expect(corrected.body.areas).toHaveLength(2);
    const started = await move(t, w.users.counsellorA, assigned, 'START_ASSESSMENT');
    expect(started.state).toBe('assessment');
    // Once the assessment has started, the learner is fixed.
    expect((await identify(w.users.supervisorA, c.id, { learnerId: own.id }).expect(409)).body.details).toEqual({
      state: 'assessment',
    });
    expect(await verifyOf(t, w.users.supervisorA, c.id)).toMatchObject({ valid: true });
  });

  it('closes at intake without a learner (spam, or a report about no learner)', async () => {
    const c = await anonymousCase();
    const closed = await move(t, w.users.supervisorA, c, 'CLOSE_AT_INTAKE', {
      reason: 'Tin nhắn quảng cáo, không phải tin báo.',
    });
    expect(closed.state.startsWith('closed')).toBe(true);
  });

  it('refuses the learner’s consent clearly while the learner is unknown; a guardian’s is recorded', async () => {
    const c = await anonymousCase();
    const consent = {
      scope: { kind: 'referral', purpose: 'Chuyển gửi trạm y tế.' },
      givenAt: '2026-03-01',
      how: 'truc_tiep',
    };
    const refused = await t
      .http()
      .post(`/api/cases/${c.id}/consents`)
      .set(auth(w.users.supervisorA))
      .send({ ...consent, givenBy: 'learner' })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'LEARNER_UNKNOWN',
      details: { reason: 'learner_unknown' },
      message: expect.stringContaining('chưa xác định học sinh'),
    });
    await t
      .http()
      .post(`/api/cases/${c.id}/consents`)
      .set(auth(w.users.supervisorA))
      .send({ ...consent, givenBy: 'guardian', guardian: { fullName: 'Nguyễn Thị Hoa', relationship: 'mẹ' } })
      .expect(201);
  });

  it('opens a case through POST /api/cases on each of the seven intake channels; the suggestion box and the online form may be anonymous', async () => {
    const learner = await createLearner(t, w.users.counsellorA, w.schoolA);
    const channels = ['truc_tiep', 'giao_vien', 'cha_me', 'hom_thu', 'duong_day_nong', 'truc_tuyen', 'co_quan'];
    for (const channel of channels) {
      const anonymous = channel === 'hom_thu' || channel === 'truc_tuyen';
      const res = await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.id,
          areas: [{ code: 'hoc_tap', priority: 1 }],
          channel,
          summary: `Tiếp nhận qua kênh ${channel}.`,
          riskLevel: 'low',
          riskRationale: 'Ban đầu.',
          reporter: anonymous
            ? { anonymous: true }
            : { anonymous: false, name: 'Người báo', relationship: 'giáo viên' },
        })
        .expect(201);
      expect(res.body).toMatchObject({
        channel,
        learnerId: learner.id,
        openedBy: w.users.counsellorA.id,
        state: 'intake',
      });
      const reporter = (
        await t.http().get(`/api/cases/${res.body.id}/reporter`).set(auth(w.users.supervisorA)).expect(200)
      ).body.reporter;
      expect(reporter.anonymous).toBe(anonymous);
    }
  });
});

import { DataSource } from 'typeorm';
import { ReportFigures, ReportFiguresService, reportPeriod } from '@dh/reports';
import { auth, Login } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS, prepareReferral } from '../support/case-helpers';
import { reportCase } from '../support/intake-helpers';
import { useTestWorld } from '../support/test-world';

// Semester I of 2026-2027 (5 September 2026 – 15 January 2027) of school A, from a hand-built set of cases whose
// every figure is worked out by hand below, beside cases before and after the period and in school B.
describe('report figures: a school’s semester counted from its cases', () => {
  const world = useTestWorld();
  let figures: ReportFigures;

  // A local (Asia/Ho_Chi_Minh) time, "2026-09-07 09:00".
  const local = (s: string) => `${s.replace(' ', 'T')}:00+07:00`;
  const at = (s: string) => world.t.clock.set(local(s));
  const post = (by: Login, path: string, body: Record<string, unknown>) =>
    world.t.http().post(path).set(auth(by)).send(body).expect(201);

  const learner = async (by: Login, schoolId: string, sex: string, className: string) =>
    (
      await post(by, '/api/learners', {
        schoolId,
        fullName: `Học Sinh ${className} ${sex}`,
        dateOfBirth: '2013-05-14',
        sex,
        className,
        confirmDistinct: true,
      })
    ).body.id as string;

  type Opening = { when: string; channel: string; risk: string; sex: string; className: string; areas: string[] };
  const open = async (o: Opening, by = world.w.users.counsellorA, schoolId = world.w.schoolA): Promise<CaseBody> => {
    at(o.when);
    const learnerId = await learner(by, schoolId, o.sex, o.className);
    return openCase(world.t, world.w, {
      by,
      schoolId,
      riskLevel: o.risk,
      body: { learnerId, channel: o.channel, areas: o.areas.map((code, i) => ({ code, priority: i + 1 })) },
    });
  };
  // One step of a case at a local time, by the counsellor unless someone else is named.
  const step = (c: CaseBody, when: string, type: string, payload: Record<string, unknown> = {}, by?: Login) => {
    at(when);
    return move(world.t, by ?? world.w.users.counsellorA, c, type, payload);
  };
  const session = async (c: CaseBody, when: string, mode: 'truc_tiep' | 'truc_tuyen', minutes: number) => {
    at(when);
    const { nextAppointment: _, ...base } = PAYLOADS.session;
    const how = mode === 'truc_tiep' ? { place: 'Phòng tư vấn' } : { place: undefined, channel: 'zalo' };
    await post(world.w.users.counsellorA, `/api/cases/${c.id}/sessions`, {
      ...base,
      ...how,
      mode,
      minutes,
      startedAt: new Date(world.t.clock.now().getTime() - minutes * 60_000).toISOString(),
    });
  };
  const followUp = async (c: CaseBody, when: string) => {
    at(when);
    await post(world.w.users.counsellorA, `/api/cases/${c.id}/follow-ups`, {
      ...PAYLOADS.followUp,
      contactedAt: new Date(world.t.clock.now().getTime() - 60_000).toISOString(),
    });
  };
  const refer = async (c: CaseBody, when: string, receiverId: string) => {
    at(when);
    const { payload } = await prepareReferral(world.t, world.w, c, { receiverId });
    return step(c, when, 'REFER', payload);
  };
  // The alerts of a case sent to one person, acknowledged at a local time.
  const acknowledge = async (c: { id: string }, who: Login, when: string) => {
    at(when);
    const { rows } = await world.pg.query(`SELECT id FROM alert WHERE case_id = $1 AND recipient_id = $2`, [
      c.id,
      who.id,
    ]);
    for (const { id } of rows as { id: string }[])
      await world.t
        .http()
        .post(`/api/alerts/${id}/ack`)
        .set(auth(who))
        .send({ nextAction: 'Gặp em trong ngày.' })
        .expect(200);
  };
  const receiver = async (kind: string, name: string) =>
    (
      await post(world.w.users.adminW, '/api/admin/directory', {
        name,
        kind,
        address: '1 Phố Thử Nghiệm',
        phone: '024 3851 0000',
      })
    ).body.id as string;
  const risk = (riskLevel: string) => ({ riskLevel, riskRationale: 'Tình hình thay đổi.' });
  const closure = { outcome: 'Em đã ổn định.' };
  const concern = (kind: string, carerSuspected: boolean) => ({ kind, carerSuspected, facts: 'Em kể bị đánh.' });
  const notify = (recipient: string, notifiedAt: string) => ({
    recipient,
    notifiedAt: local(notifiedAt),
    notifiedBy: 'Cô Hiệu trưởng',
  });

  beforeAll(async () => {
    const { users } = world.w;
    const health = await receiver('y_te', 'Trạm y tế phường');
    const police = await receiver('cong_an', 'Công an phường');

    // X0, before the period: opened (critical) on 3 September, closed at intake on the 8th, a follow-up on 1 October.
    let x0 = await open({
      when: '2026-09-03 09:00',
      channel: 'giao_vien',
      risk: 'critical',
      sex: 'nam',
      className: '8A2',
      areas: ['tam_ly'],
    });
    await acknowledge(x0, users.supervisorA, '2026-09-07 08:00');
    x0 = await step(x0, '2026-09-08 10:00', 'CLOSE_AT_INTAKE', { reason: 'Trùng hồ sơ.' }, users.supervisorA);
    await followUp(x0, '2026-10-01 09:00');

    // C1: medium, assessed low, plan in effect on the 9th, two sessions, closed after support, both follow-ups.
    let c1 = await open({
      when: '2026-09-07 09:00',
      channel: 'giao_vien',
      risk: 'medium',
      sex: 'nu',
      className: '6A1',
      areas: ['tam_ly', 'hoc_tap'],
    });
    c1 = await step(c1, '2026-09-07 09:30', 'START_ASSESSMENT');
    c1 = await step(c1, '2026-09-08 10:00', 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('low'));
    c1 = await step(c1, '2026-09-09 10:00', 'SUBMIT_PLAN', PAYLOADS.plan);
    await session(c1, '2026-09-10 10:00', 'truc_tiep', 45);
    await session(c1, '2026-09-11 10:00', 'truc_tuyen', 30);
    c1 = await step(c1, '2026-10-05 10:00', 'PROPOSE_CLOSURE', closure);
    await followUp(c1, '2026-11-02 09:00');
    await followUp(c1, '2026-12-20 09:00');

    // C2: high, first contact a day late, plan approved on the 14th, raised to critical, referred to health (accepted,
    // completed), back in monitoring to the end, its second review overdue.
    let c2 = await open({
      when: '2026-09-08 09:00',
      channel: 'cha_me',
      risk: 'high',
      sex: 'nam',
      className: '7A2',
      areas: ['hoc_tap'],
    });
    c2 = await step(c2, '2026-09-09 09:00', 'START_ASSESSMENT');
    c2 = await step(c2, '2026-09-10 09:00', 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('high'));
    c2 = await step(c2, '2026-09-11 09:00', 'SUBMIT_PLAN', PAYLOADS.plan);
    c2 = await step(c2, '2026-09-14 09:00', 'APPROVE_PLAN', {}, users.supervisorA);
    c2 = await step(c2, '2026-09-15 10:00', 'UPDATE_RISK', risk('critical'));
    await acknowledge(c2, users.supervisorA, '2026-09-15 12:00');
    c2 = await refer(c2, '2026-09-16 09:00', health);
    c2 = await step(c2, '2026-09-17 09:00', 'REFERRAL_ACCEPTED');
    await acknowledge(c2, users.principalA, '2026-09-18 09:00');
    c2 = await step(c2, '2026-10-01 09:00', 'REFERRAL_COMPLETED', { feedback: 'Đã khám và tư vấn.' });
    await session(c2, '2026-10-20 10:00', 'truc_tiep', 60);

    // C3: low, a violence concern reported to the police 9 working hours later, closed at intake.
    let c3 = await open({
      when: '2026-09-09 10:00',
      channel: 'hom_thu',
      risk: 'low',
      sex: 'nu',
      className: '9A1',
      areas: ['tam_ly', 'gioi_quan_he'],
    });
    c3 = await step(c3, '2026-09-09 10:30', 'RAISE_PROTECTION_CONCERN', concern('violence', false));
    c3 = await step(c3, '2026-09-10 14:30', 'RECORD_PROTECTION_NOTIFICATION', notify('cong_an', '2026-09-10 14:00'));
    c3 = await step(c3, '2026-09-10 15:00', 'CLOSE_AT_INTAKE', { reason: 'Đã chuyển công an.' }, users.supervisorA);
    await followUp(c3, '2027-01-20 09:00');

    // C4: medium, made critical by a concern with the carer suspected, reported 13 working hours later, contacted
    // late, assessment overdue, referred to the police (declined), overdue again, in assessment to the end.
    let c4 = await open({
      when: '2026-09-10 09:00',
      channel: 'truc_tiep',
      risk: 'medium',
      sex: 'nam',
      className: '6A3',
      areas: ['ky_nang_song'],
    });
    c4 = await step(c4, '2026-09-10 09:30', 'RAISE_PROTECTION_CONCERN', concern('neglect', true));
    await acknowledge(c4, users.supervisorA, '2026-09-11 16:00');
    c4 = await step(
      c4,
      '2026-09-14 10:05',
      'RECORD_PROTECTION_NOTIFICATION',
      notify('tong_dai_111', '2026-09-14 10:00'),
    );
    c4 = await step(c4, '2026-09-14 10:30', 'START_ASSESSMENT');
    c4 = await refer(c4, '2026-11-02 09:00', police);
    c4 = await step(c4, '2026-11-04 09:00', 'REFERRAL_DECLINED', { reason: 'Ngoài thẩm quyền.' });

    // C5: a public report (no learner named, no area), never contacted; its two alerts, one acknowledged next day.
    at('2026-10-05 08:00');
    const c5 = await reportCase(world.t, { schoolCode: 'TA', whatIsHappening: 'Bạn em hay bị trêu chọc.' });
    await acknowledge({ id: c5.caseId }, users.supervisorA, '2026-10-06 16:59');

    // C6: low, class with no grade, referred to health from assessment (declined), then closed: referred-and-closed.
    let c6 = await open({
      when: '2026-12-01 09:00',
      channel: 'giao_vien',
      risk: 'low',
      sex: 'nu',
      className: 'Lớp chồi',
      areas: ['hoc_tap'],
    });
    c6 = await step(c6, '2026-12-01 09:30', 'START_ASSESSMENT');
    c6 = await refer(c6, '2026-12-01 10:00', health);
    c6 = await step(c6, '2026-12-02 09:00', 'REFERRAL_DECLINED', { reason: 'Hết chỗ.' });
    c6 = await step(c6, '2026-12-03 09:00', 'CLOSE', closure);
    await followUp(c6, '2027-01-05 09:00');

    // C8: low, closed from assessment the day it opened.
    let c8 = await open({
      when: '2026-11-16 09:00',
      channel: 'co_quan',
      risk: 'low',
      sex: 'nam',
      className: '7A1',
      areas: ['dich_vu_ctxh'],
    });
    c8 = await step(c8, '2026-11-16 09:30', 'START_ASSESSMENT');
    await step(c8, '2026-11-16 10:00', 'CLOSE', closure);

    // C7: opened near the end, in assessment at the end; referred and raised to high after the period.
    let c7 = await open({
      when: '2027-01-12 09:00',
      channel: 'duong_day_nong',
      risk: 'medium',
      sex: 'nam',
      className: '8A1',
      areas: ['huong_nghiep'],
    });
    c7 = await step(c7, '2027-01-12 09:30', 'START_ASSESSMENT');
    await session(c7, '2027-01-14 10:00', 'truc_tiep', 40);
    c7 = await refer(c7, '2027-01-18 09:00', health);
    await step(c7, '2027-01-19 09:00', 'UPDATE_RISK', risk('high'));

    // After the period (Y1) and in school B (B1): nothing of theirs counts.
    const y1 = await open({
      when: '2027-02-01 09:00',
      channel: 'giao_vien',
      risk: 'critical',
      sex: 'nu',
      className: '6A1',
      areas: ['tam_ly'],
    });
    await session(y1, '2027-02-02 10:00', 'truc_tiep', 50);
    const b = { by: users.counsellorB, school: world.w.schoolB };
    const b1 = await open(
      {
        when: '2026-09-10 09:00',
        channel: 'giao_vien',
        risk: 'critical',
        sex: 'nu',
        className: '6A1',
        areas: ['tam_ly'],
      },
      b.by,
      b.school,
    );
    at('2026-09-11 10:00');
    await world.t
      .http()
      .post(`/api/cases/${b1.id}/sessions`)
      .set(auth(b.by))
      .send({ ...PAYLOADS.session, nextAppointment: undefined, startedAt: local('2026-09-11 09:00'), minutes: 90 })
      .expect(201);

    at('2027-02-10 09:00');
    const sut = world.t.app.get(ReportFiguresService);
    const period = reportPeriod('semester_1', '2026-2027', 'Asia/Ho_Chi_Minh');
    figures = await world.t.app.get(DataSource).transaction((tx) => sut.compute(tx, world.w.schoolA, period));
  });

  const none = { low: 0, medium: 0, high: 0, critical: 0 };
  const grades = (g: Record<string, number>) => ({
    ...Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'unknown'].map((k) => [k, 0]),
    ),
    ...g,
  });
  const channels = (c: Record<string, number>) => ({
    truc_tiep: 0,
    giao_vien: 0,
    cha_me: 0,
    hom_thu: 0,
    duong_day_nong: 0,
    truc_tuyen: 0,
    co_quan: 0,
    ...c,
  });
  const sexes = (s: Record<string, number>) => ({ nam: 0, nu: 0, khong_ro: 0, unknown: 0, ...s });
  const kinds = (k: Record<string, number>) => ({
    tong_dai_111: 0,
    ubnd_phuong: 0,
    phong_vhxh: 0,
    cong_an: 0,
    y_te: 0,
    doan_thanh_nien: 0,
    ctxh: 0,
    khac: 0,
    ...k,
  });
  const emptyArea = {
    total: 0,
    byChannel: channels({}),
    byRiskAtOpening: none,
    byHighestRisk: none,
    byGrade: grades({}),
    bySex: sexes({}),
  };

  it.each<[string, (f: ReportFigures) => unknown, unknown]>([
    ['the period', (f) => f.period, { from: '2026-09-04T17:00:00.000Z', to: '2027-01-15T16:59:59.999Z' }],
    // C1–C8: eight cases opened in the period; X0 (before), Y1 (after), B1 (school B) are not.
    ['cases opened', (f) => f.casesOpened.total, 8],
    [
      'opened by channel',
      (f) => f.casesOpened.byChannel,
      channels({ giao_vien: 2, cha_me: 1, hom_thu: 1, truc_tiep: 1, truc_tuyen: 1, duong_day_nong: 1, co_quan: 1 }),
    ],
    // low: C3 C6 C8; medium: C1 C4 C5 C7; high: C2.
    ['opened by risk at opening', (f) => f.casesOpened.byRiskAtOpening, { low: 3, medium: 4, high: 1, critical: 0 }],
    // C1 assessed low stays medium at most; C2 raised to critical, C4 critical by the concern; C7 raised after the end.
    ['opened by highest risk reached', (f) => f.casesOpened.byHighestRisk, { low: 3, medium: 3, high: 0, critical: 2 }],
    // C5 names no learner; C6's class "Lớp chồi" gives no grade.
    ['opened by grade', (f) => f.casesOpened.byGrade, grades({ 6: 2, 7: 2, 8: 1, 9: 1, unknown: 2 })],
    ['opened by sex', (f) => f.casesOpened.bySex, sexes({ nam: 4, nu: 3, unknown: 1 })],
    [
      'opened in learning (C1, C2, C6)',
      (f) => f.casesOpened.byArea.hoc_tap,
      {
        total: 3,
        byChannel: channels({ giao_vien: 2, cha_me: 1 }),
        byRiskAtOpening: { low: 1, medium: 1, high: 1, critical: 0 },
        byHighestRisk: { low: 1, medium: 1, high: 0, critical: 1 },
        byGrade: grades({ 6: 1, 7: 1, unknown: 1 }),
        bySex: sexes({ nu: 2, nam: 1 }),
      },
    ],
    [
      'opened in psychology (C1, C3; not X0 nor Y1 nor B1)',
      (f) => f.casesOpened.byArea.tam_ly,
      {
        total: 2,
        byChannel: channels({ giao_vien: 1, hom_thu: 1 }),
        byRiskAtOpening: { low: 1, medium: 1, high: 0, critical: 0 },
        byHighestRisk: { low: 1, medium: 1, high: 0, critical: 0 },
        byGrade: grades({ 6: 1, 9: 1 }),
        bySex: sexes({ nu: 2 }),
      },
    ],
    [
      'opened per area, totals',
      (f) => Object.fromEntries(Object.entries(f.casesOpened.byArea).map(([k, v]) => [k, v.total])),
      {
        hoc_tap: 3,
        gioi_quan_he: 1,
        tam_ly: 2,
        ky_nang_song: 1,
        huong_nghiep: 1,
        chinh_sach_phap_luat: 0,
        dich_vu_ctxh: 1,
      },
    ],
    ['an area with no case', (f) => f.casesOpened.byArea.chinh_sach_phap_luat, emptyArea],
    // X0 and C3 at intake, C8 from assessment, C1 from monitoring, C6 after a referral; C7 closes after the period.
    [
      'cases closed by outcome',
      (f) => f.casesClosed,
      {
        total: 5,
        byOutcome: {
          closed_at_intake: 2,
          closed_after_assessment: 1,
          closed_after_support: 1,
          referred_and_closed: 1,
        },
      },
    ],
    // C5 at intake, C4 and C7 in assessment, C2 in monitoring (Y1 opened later, B1 is school B's).
    [
      'open at the end by stage',
      (f) => f.openAtEnd,
      {
        total: 4,
        byStage: {
          intake: 1,
          assessment: 2,
          planning: 0,
          planReview: 0,
          monitoring: 1,
          closureReview: 0,
          referral: 0,
        },
      },
    ],
    // Sent: C2 and C6 to health, C4 to the police (C7's is after the period).
    ['referrals sent', (f) => f.referrals.sent, { total: 3, byReceiverKind: kinds({ y_te: 2, cong_an: 1 }) }],
    ['referrals accepted', (f) => f.referrals.accepted, { total: 1, byReceiverKind: kinds({ y_te: 1 }) }],
    ['referrals declined', (f) => f.referrals.declined, { total: 2, byReceiverKind: kinds({ y_te: 1, cong_an: 1 }) }],
    ['referrals completed', (f) => f.referrals.completed, { total: 1, byReceiverKind: kinds({ y_te: 1 }) }],
    // C3: Wed 10:30 → Thu 14:00 is 9 working hours; C4: Thu 09:30 → Mon 10:00 is 15.5.
    ['protection concerns', (f) => f.protectionConcerns, { raised: 2, notifiedWithin12WorkingHours: 1 }],
    [
      // First contact: met C1 C3 C6 C7 C8; missed C2 (due the same day), C4, C5 (X0's was due before the period).
      // Assessment: met C1 C2 C6 (twice) C8; missed C4 twice (before its referral, and after the decline).
      // Plan: C1 and C2 in time. Review: C1 closed and C2 referred in time; C2's second review never done.
      'deadlines met and missed per clock',
      (f) => f.deadlines,
      {
        first_contact: { met: 5, missed: 3 },
        assessment_due: { met: 5, missed: 2 },
        plan_due: { met: 2, missed: 0 },
        plan_review: { met: 2, missed: 1 },
      },
    ],
    // Plan: C1 2 working days, C2 4 → 3. Closure: C8 0, C3 1, C6 2, X0 3, C1 20 → 2.
    ['median working days', (f) => f.medianWorkingDays, { openingToApprovedPlan: 3, openingToClosure: 2 }],
    [
      // Critical risk: C2 and C4 to two supervisors and the principal (X0's before, Y1's after, B1's in school B);
      // C2's and C4's first supervisor in time, C2's principal three days later. Public form: C5 to the two
      // supervisors, one acknowledged the next afternoon.
      'alerts per level',
      (f) => f.alerts,
      {
        reminder: { raised: 0, acknowledgedWithinOneWorkingDay: 0 },
        overdue: { raised: 0, acknowledgedWithinOneWorkingDay: 0 },
        principal: { raised: 0, acknowledgedWithinOneWorkingDay: 0 },
        ward: { raised: 0, acknowledgedWithinOneWorkingDay: 0 },
        critical_risk: { raised: 6, acknowledgedWithinOneWorkingDay: 2 },
        public_intake: { raised: 2, acknowledgedWithinOneWorkingDay: 1 },
        public_intake_flood: { raised: 0, acknowledgedWithinOneWorkingDay: 0 },
      },
    ],
    // In person: C1 45, C2 60, C7 40; online: C1 30 (Y1's and B1's not).
    ['sessions', (f) => f.sessions, { inPerson: { count: 3, minutes: 145 }, online: { count: 1, minutes: 30 } }],
    // 30 days: X0, C1, C6; 90 days: C1 (C3's contact is after the period).
    ['follow-ups', (f) => f.followUps, { at30Days: 3, at90Days: 1 }],
  ])('%s', (_name, pick, expected) => {
    expect(pick(figures)).toEqual(expected);
  });

  it('keeps its keys in one order and holds counts only: no case, learner or name in it', () => {
    expect(Object.keys(figures)).toEqual([
      'period',
      'casesOpened',
      'casesClosed',
      'openAtEnd',
      'referrals',
      'protectionConcerns',
      'deadlines',
      'medianWorkingDays',
      'alerts',
      'sessions',
      'followUps',
    ]);
    const json = JSON.stringify(figures);
    expect(JSON.parse(json)).toEqual(figures);
    expect(json).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|Học Sinh|TA-\d|Em /);
  });
});

import { Client } from 'pg';
import { CaseService } from '@dh/cases';
import { auth, Login, World } from '../support/fixtures';
import { CaseBody, createLearner, move, openCase, PAYLOADS, prepareReferral, sendEvent } from '../support/case-helpers';
import { getForm, hasRun, readDocx } from '../support/docx';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type DeadlineBody = { kind: string; dueAt: string; rule: string };
type Viewed = CaseBody & { areas: { code: string; priority: number }[]; deadlines: DeadlineBody[] };

const concern = { kind: 'abuse', facts: 'Em có vết bầm, kể bị người lạ đe doạ trên đường về.', carerSuspected: false };

// Issue 13 point 8: a referral may be about any of the case's current areas (the assessment's ranking replaces
// the intake's), and may leave from planning, and from intake for a protection report, as practice does.
describe('referral areas and the stages a referral leaves from', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  let tv: Login;
  let wardOffice: string;
  const at = (iso: string) => t.clock.set(iso);

  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w, pg } = world);
    tv = w.users.counsellorA;
    wardOffice = (
      await t
        .http()
        .post('/api/admin/directory')
        .set(auth(w.users.adminW))
        .send({ name: 'Phòng Văn hóa – Xã hội phường', kind: 'phong_vhxh' })
        .expect(201)
    ).body.id;
  });

  const view = async (who: Login, caseId: string) => t.http().get(`/api/cases/${caseId}`).set(auth(who));
  const referralsOf = async (caseId: string) =>
    (await t.http().get(`/api/cases/${caseId}/referrals`).set(auth(w.users.supervisorA)).expect(200)).body.items as {
      status: string;
      areas: string[];
      toWard: boolean;
    }[];
  const slip = async (caseId: string) =>
    readDocx((await getForm(t, w.users.supervisorA, caseId, '3').expect(200)).body).runs;
  const assessedWith = (areas: { code: string; priority: number }[], riskLevel = 'low') => ({
    ...PAYLOADS.assessment(riskLevel),
    areas,
  });

  it('refers under an area the assessment added; the case’s areas are the assessment’s from then on', async () => {
    at('2026-03-02T09:00:00+07:00');
    let c = await openCase(t, w); // tam_ly 1, hoc_tap 2
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(
      t,
      tv,
      c,
      'COMPLETE_ASSESSMENT',
      assessedWith([
        { code: 'tam_ly', priority: 1 },
        { code: 'dich_vu_ctxh', priority: 2 },
      ]),
    );
    expect((c as Viewed).areas).toEqual([
      { code: 'tam_ly', priority: 1 },
      { code: 'dich_vu_ctxh', priority: 2 },
    ]);
    c = await move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    expect(c.state).toBe('monitoring');
    const { payload } = await prepareReferral(t, w, c, { by: tv });

    // An area the assessment dropped, or one the case never had, is still refused, and names the area.
    for (const code of ['hoc_tap', 'huong_nghiep']) {
      const refused = await sendEvent(t, tv, c, 'REFER', { ...payload, areas: ['dich_vu_ctxh', code] }).expect(422);
      expect(refused.body.details).toEqual({ reason: 'area_not_in_case', field: 'payload.areas', areas: [code] });
      expect(refused.body.message).toBe(
        'Nội dung chuyển gửi phải thuộc các nội dung hiện tại của hồ sơ (theo lần đánh giá gần nhất).',
      );
    }
    const res = await sendEvent(t, tv, c, 'REFER', { ...payload, areas: ['dich_vu_ctxh'] });
    expect([res.status, res.body.details]).toEqual([200, undefined]);
    expect((await referralsOf(c.id)).map((r) => r.areas)).toEqual([['dich_vu_ctxh']]);
    expect(hasRun(await slip(c.id), '☒ Kết nối dịch vụ công tác xã hội')).toBe(true);

    // Form 01 still prints the areas as received.
    const intake = readDocx((await getForm(t, w.users.supervisorA, c.id, '1').expect(200)).body).runs;
    expect([hasRun(intake, '☒ Học tập'), hasRun(intake, '☐ Kết nối dịch vụ công tác xã hội')]).toEqual([true, true]);
  });

  it('an assessment without areas keeps the case’s areas; a referral naming none takes them all', async () => {
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('low'));
    expect((c as Viewed).areas.map((a) => a.code)).toEqual(['tam_ly', 'hoc_tap']);
    c = await move(t, tv, c, 'REFER', (await prepareReferral(t, w, c, { by: tv })).payload);
    expect((await referralsOf(c.id))[0].areas).toEqual(['tam_ly', 'hoc_tap']);
  });

  it('refers from planning; the feedback clock follows the plan’s end date; the slip prints; it comes back to planning', async () => {
    at('2026-03-02T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', assessedWith([{ code: 'tam_ly', priority: 1 }], 'high'));
    // A high-risk plan returned by the supervisor: the case is in planning with a plan on file.
    c = await move(t, tv, c, 'SUBMIT_PLAN', { ...PAYLOADS.plan, endDate: '2026-04-24' });
    c = await move(t, w.users.supervisorA, c, 'RETURN_PLAN', { reason: 'Cần ý kiến chuyên môn về giấc ngủ trước.' });
    expect(c.state).toBe('planning');
    expect(c.allowedEvents).toContain('REFER');

    const { payload } = await prepareReferral(t, w, c, { by: tv });
    c = await move(t, tv, c, 'REFER', { ...payload, reason: 'Cần bác sĩ đánh giá giấc ngủ trước khi lập kế hoạch.' });
    expect(c.state).toBe('referral.pending');
    expect((c as Viewed).deadlines.map((d) => d.kind)).toEqual(['referral_answer']);
    c = await move(t, tv, c, 'REFERRAL_ACCEPTED', { receiverContact: 'BS. Hoàng Minh' });
    expect((c as Viewed).deadlines.find((d) => d.kind === 'referral_feedback')).toMatchObject({
      dueAt: '2026-04-24T10:00:00.000Z',
      rule: 'plan_end_date',
    });
    const runs = await slip(c.id);
    expect(
      [
        'Trạm y tế phường Thử Nghiệm',
        'Cần bác sĩ đánh giá giấc ngủ trước khi lập kế hoạch.',
        '☒ Tâm lý',
        '☒ Tiếp nhận',
      ].filter((text) => !hasRun(runs, text)),
    ).toEqual([]);

    // Back to planning, not to monitoring: a high-risk plan still waits for the supervisor's approval.
    c = await move(t, tv, c, 'REFERRAL_COMPLETED', { feedback: 'Em đã được khám hai buổi.' });
    expect(c.state).toBe('planning');
    expect(c.allowedEvents).toContain('SUBMIT_PLAN');

    // A receiver who declines sends it back to planning too, not to a second assessment.
    c = await move(t, tv, c, 'REFER', payload);
    c = await move(t, tv, c, 'REFERRAL_DECLINED', { reason: 'Đơn vị hết chỗ.' });
    expect(c.state).toBe('planning');
    expect((await referralsOf(c.id)).map((r) => r.status)).toEqual(['completed', 'declined']);
  });

  it('refers from intake only a case with a protection concern; the ward reads it while it lasts; it goes on to assessment', async () => {
    at('2026-03-02T09:00:00+07:00');
    let c = await openCase(t, w, { riskLevel: 'high' });
    await prepareReferral(t, w, c, { by: tv, receiverId: wardOffice });
    const toWard = { receiverId: wardOffice, reason: 'Cần phường hỗ trợ bảo vệ em.', toWard: true };
    expect(c.allowedEvents).not.toContain('REFER');
    const refused = await sendEvent(t, tv, c, 'REFER', toWard).expect(422);
    expect(refused.body.details).toEqual({ reason: 'no_protection_concern' });
    expect(refused.body.message).toMatch(/^Chỉ được chuyển gửi ngay khi tiếp nhận /);
    expect(await referralsOf(c.id)).toEqual([]);

    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', concern);
    expect(c.allowedEvents).toContain('REFER');
    c = await move(t, tv, c, 'REFER', toWard);
    expect(c.state).toBe('referral.pending');
    // The protection clock goes on beside the referral.
    expect((c as Viewed).deadlines.map((d) => d.kind).sort()).toEqual(['protection_notification', 'referral_answer']);
    expect((await view(w.users.wardW, c.id)).status).toBe(200);
    expect(await referralsOf(c.id)).toMatchObject([{ status: 'sent', toWard: true, areas: ['tam_ly', 'hoc_tap'] }]);
    expect(hasRun(await slip(c.id), 'Cần phường hỗ trợ bảo vệ em.')).toBe(true);

    c = await move(t, tv, c, 'REFERRAL_ACCEPTED');
    expect((c as Viewed).deadlines.find((d) => d.kind === 'referral_feedback')).toMatchObject({
      dueAt: '2026-04-01T02:00:00.000Z',
      rule: 'default',
    });
    c = await move(t, tv, c, 'REFERRAL_COMPLETED', { feedback: 'Phường đã làm việc với gia đình.' });
    expect(c.state).toBe('assessment');
    expect((await view(w.users.wardW, c.id)).status).toBe(404);
    expect(
      (await pg.query(`SELECT referred_to_ward_at FROM "case" WHERE id = $1`, [c.id])).rows[0].referred_to_ward_at,
    ).toBeNull();
  });

  it('a case@1 case keeps case@1’s stages (no referral from planning) but refers under its assessed areas', async () => {
    const learner = await createLearner(t, tv, w.schoolA);
    const callerA = {
      id: tv.id,
      username: tv.username,
      fullName: 'x',
      roles: ['counsellor' as const],
      schoolIds: [w.schoolA],
      wardId: null,
      requestId: 'test',
    };
    let c: CaseBody = await t.app.get(CaseService).open(
      callerA,
      {
        schoolId: w.schoolA,
        learnerId: learner.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'truc_tiep',
        summary: 'Hồ sơ mở trước khi có case@2.',
        riskLevel: 'low',
        riskRationale: 'Ban đầu.',
      },
      'case@1',
    );
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(
      t,
      tv,
      c,
      'COMPLETE_ASSESSMENT',
      assessedWith([
        { code: 'dich_vu_ctxh', priority: 1 },
        { code: 'tam_ly', priority: 2 },
      ]),
    );
    const { payload } = await prepareReferral(t, w, c, { by: tv });
    expect(c.allowedEvents).not.toContain('REFER');
    expect((await sendEvent(t, tv, c, 'REFER', payload)).status).toBe(409);
    c = await move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    c = await move(t, tv, c, 'REFER', { ...payload, areas: ['dich_vu_ctxh'] });
    expect(c).toMatchObject({ machineVersion: 'case@1', state: 'referral.pending' });
    c = await move(t, tv, c, 'REFERRAL_DECLINED', { reason: 'Đơn vị hết chỗ.' });
    expect(c.state).toBe('assessment');
  });
});

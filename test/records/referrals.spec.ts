import { Client } from 'pg';
import { EscalationSweepService } from '@dh/escalations';
import { UserService } from '@dh/identity';
import { auth, Login, World } from '../support/fixtures';
import {
  CaseBody,
  historyOf,
  move,
  openCase,
  PAYLOADS,
  prepareReferral,
  referralReceiver,
  sendEvent,
} from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type ReferralBody = {
  id: string;
  seq: number;
  status: string;
  steps: { status: string; at: string }[];
  receiver: { id: string; name: string; contactPerson: string | null };
  sender: { userId: string; name: string; title: string | null; unit: string };
  reason: string | null;
  areas: string[];
  consentIds: string[];
  answer: { receiverContact: string | null; note: string | null; declinedReason: string | null } | null;
  completion: { feedback: string | null; outcome: string | null } | null;
  masked: string[];
};

describe('closed-loop referral with consent', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  let tv: Login;
  let receiverId: string;
  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w, pg } = world);
    tv = w.users.counsellorA;
    receiverId = await referralReceiver(t, w);
  });

  const inAssessment = async (): Promise<CaseBody> => move(t, tv, await openCase(t, w), 'START_ASSESSMENT');
  const referralsOf = async (who: Login, caseId: string): Promise<ReferralBody[]> =>
    (await t.http().get(`/api/cases/${caseId}/referrals`).set(auth(who)).expect(200)).body.items;
  const stored = async (caseId: string) => ({
    referrals: Number((await pg.query(`SELECT count(*) FROM referral WHERE case_id = $1`, [caseId])).rows[0].count),
    events: Number((await pg.query(`SELECT count(*) FROM audit_event WHERE case_id = $1`, [caseId])).rows[0].count),
    version: (await pg.query(`SELECT version FROM "case" WHERE id = $1`, [caseId])).rows[0].version as number,
  });
  const withdraw = (caseId: string, consentId: string) =>
    t
      .http()
      .post(`/api/cases/${caseId}/consents/${consentId}/withdraw`)
      .set(auth(tv))
      .send({ reason: 'Gia đình đổi ý.' })
      .expect(200);

  it('refuses each missing or malformed field of the referral events by name, and stores nothing', async () => {
    // Checked before anything is read: one case in referral.pending takes every one of them.
    let c = await inAssessment();
    await prepareReferral(t, w, c, { by: tv });
    c = await move(t, tv, c, 'REFER', PAYLOADS.refer(receiverId));
    const before = await stored(c.id);
    const refer = PAYLOADS.refer(receiverId);
    const TABLE: [string, Record<string, unknown>, string][] = [
      ['REFER', { reason: refer.reason }, 'payload.receiverId'],
      ['REFER', { ...refer, receiverId: 'tram-y-te' }, 'payload.receiverId'],
      ['REFER', { receiverId }, 'payload.reason'],
      ['REFER', { ...refer, reason: '  ' }, 'payload.reason'],
      ['REFER', { ...refer, areas: ['the_thao'] }, 'payload.areas'],
      ['REFER', { ...refer, areas: [] }, 'payload.areas'],
      ['REFER', { ...refer, toWard: 'có' }, 'payload.toWard'],
      ['REFER', { ...refer, sender: { email: 'không-phải-email' } }, 'payload.sender.email'],
      ['REFER', { ...refer, sender: { phone: '09x' } }, 'payload.sender.phone'],
      ['REFERRAL_ACCEPTED', { answeredAt: 'thứ Năm' }, 'payload.answeredAt'],
      ['REFERRAL_ACCEPTED', { note: '' }, 'payload.note'],
      ['REFERRAL_ACCEPTED', { receiverContact: 5 }, 'payload.receiverContact'],
      ['REFERRAL_DECLINED', {}, 'payload.reason'],
      ['REFERRAL_DECLINED', { reason: ' ' }, 'payload.reason'],
      ['REFERRAL_COMPLETED', {}, 'payload.feedback'],
      ['REFERRAL_COMPLETED', { feedback: 'Đã khám.', completedAt: '10/03/2026' }, 'payload.completedAt'],
      ['REFERRAL_COMPLETED', { feedback: 'Đã khám.', outcome: 7 }, 'payload.outcome'],
    ];
    const wrong: string[] = [];
    for (const [type, payload, field] of TABLE) {
      const res = await sendEvent(t, tv, c, type, payload);
      const fields = Array.isArray(res.body.details) ? res.body.details.map((d: { field: string }) => d.field) : [];
      if (res.status !== 400 || !fields.includes(field))
        wrong.push(`${type} ${JSON.stringify(payload)}: ${res.status} ${JSON.stringify(fields)}`);
    }
    expect(wrong).toEqual([]);
    expect(await stored(c.id)).toEqual(before);
    expect((await referralsOf(w.users.supervisorA, c.id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('refuses a referral without consent (422, in Vietnamese) and stores nothing of it', async () => {
    const c = await inAssessment();
    const before = await stored(c.id);
    const res = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(receiverId)).expect(422);
    expect(res.body.details).toEqual({ reason: 'consent_missing', missing: ['guardian', 'learner'] });
    expect(res.body.message).toBe(
      'Chưa có sự đồng ý của cha mẹ hoặc người giám hộ và học sinh cho việc chia sẻ thông tin này (Luật Trẻ em, Điều 6 khoản 11).',
    );
    expect(res.body.messageEn).toMatch(/^No consent from a parent or guardian and the learner/);
    expect(await stored(c.id)).toEqual({ ...before, referrals: 0 });
    expect((await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200)).body.state).toBe('assessment');
  });

  it('refuses a guardian-only consent for a learner of 7 or more, naming the learner', async () => {
    const c = await inAssessment();
    await prepareReferral(t, w, c, { by: tv, givers: ['guardian'] });
    const res = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(receiverId)).expect(422);
    expect(res.body.details).toEqual({ reason: 'consent_missing', missing: ['learner'] });
    expect(res.body.message).toMatch(/^Chưa có sự đồng ý của học sinh /);
    expect((await stored(c.id)).referrals).toBe(0);
  });

  it('does not take a consent naming another receiver as consent for this one', async () => {
    const c = await inAssessment();
    const police = (
      await t
        .http()
        .post('/api/admin/directory')
        .set(auth(w.users.adminW))
        .send({ name: 'Công an phường Thử Nghiệm', kind: 'cong_an' })
        .expect(201)
    ).body.id;
    await prepareReferral(t, w, c, { by: tv, receiverId: police });
    const res = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(receiverId)).expect(422);
    expect(res.body.details).toEqual({ reason: 'consent_missing', missing: ['guardian', 'learner'] });
    // The consents name the police: a referral to them is sent.
    expect((await move(t, tv, c, 'REFER', PAYLOADS.refer(police))).state).toBe('referral.pending');
  });

  it('refuses a receiver not in the school’s ward, unknown or inactive, and areas beyond the case’s, naming the field', async () => {
    const c = await inAssessment();
    await prepareReferral(t, w, c, { by: tv });
    const far = await t.app.get(UserService).createWard('W7', 'Phường Xa');
    const elsewhere = (
      await t
        .http()
        .post('/api/admin/directory')
        .set(auth(w.users.adminW))
        .send({ wardId: far.id, name: 'Trạm y tế phường Xa', kind: 'y_te' })
        .expect(201)
    ).body.id;
    const closed = (
      await t
        .http()
        .post('/api/admin/directory')
        .set(auth(w.users.adminW))
        .send({ name: 'Trung tâm đã đóng', kind: 'ctxh' })
        .expect(201)
    ).body.id;
    await t.http().post(`/api/admin/directory/${closed}/deactivate`).set(auth(w.users.adminW)).expect(200);
    for (const id of [elsewhere, closed, '5b4c0f0e-8a53-4a4b-9a57-0a8f3c1d2e3f']) {
      const res = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(id)).expect(422);
      expect(res.body.details).toMatchObject({ reason: 'receiver_not_available', field: 'payload.receiverId' });
    }
    const areas = await sendEvent(t, tv, c, 'REFER', {
      ...PAYLOADS.refer(receiverId),
      areas: ['tam_ly', 'huong_nghiep'],
    }).expect(422);
    expect(areas.body.details).toEqual({ reason: 'area_not_in_case', field: 'payload.areas', areas: ['huong_nghiep'] });
    const missing = await sendEvent(t, tv, c, 'REFER', { reason: 'Thiếu đơn vị nhận.' }).expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['payload.receiverId']);
    expect((await stored(c.id)).referrals).toBe(0);
  });

  it('runs the loop sent → accepted → completed with feedback; the team reads it whole, others masked', async () => {
    let c = await inAssessment();
    const { consentIds } = await prepareReferral(t, w, c, { by: tv });
    c = await move(t, tv, c, 'REFER', {
      ...PAYLOADS.refer(receiverId),
      areas: ['tam_ly'],
      sender: { title: 'Tư vấn viên', phone: '0912 345 678' },
    });
    expect(c.state).toBe('referral.pending');
    const refer = (await historyOf(t, w.users.supervisorA, c.id)).find((e) => e.type === 'REFER');
    const [row] = (await pg.query(`SELECT id, reason, status FROM referral WHERE case_id = $1`, [c.id])).rows;
    expect(refer?.payload).toMatchObject({
      receiverId,
      receiver: 'Trạm y tế phường Thử Nghiệm',
      referralId: row.id,
      areas: ['tam_ly'],
    });
    expect([...(refer?.payload.consentIds as string[])].sort()).toEqual([...consentIds].sort());
    expect(row.reason).toMatch(/^dh1:/);

    c = await move(t, tv, c, 'REFERRAL_ACCEPTED', { receiverContact: 'BS. Hoàng Minh', note: 'Hẹn em khám thứ Năm.' });
    expect(c.state).toBe('referral.inService');
    c = await move(t, tv, c, 'REFERRAL_COMPLETED', {
      feedback: 'Em đã được tư vấn 4 buổi.',
      outcome: 'Giấc ngủ ổn định.',
    });
    expect(c.state).toBe('monitoring');

    const viewedBefore = (await stored(c.id)).events;
    const [seen] = await referralsOf(w.users.supervisorA, c.id);
    expect(seen).toMatchObject({
      id: row.id,
      status: 'completed',
      receiver: { id: receiverId, name: 'Trạm y tế phường Thử Nghiệm', contactPerson: 'BS. Hoàng Minh' },
      sender: { userId: tv.id, name: 'Người dùng counsellorA', title: 'Tư vấn viên', unit: 'Trường THCS Thử Nghiệm A' },
      reason: 'Cần đánh giá chuyên sâu.',
      areas: ['tam_ly'],
      answer: { receiverContact: 'BS. Hoàng Minh', note: 'Hẹn em khám thứ Năm.', declinedReason: null },
      completion: { feedback: 'Em đã được tư vấn 4 buổi.', outcome: 'Giấc ngủ ổn định.' },
      masked: [],
    });
    expect(seen.steps.map((s) => s.status)).toEqual(['sent', 'accepted', 'completed']);
    const viewed = await pg.query(`SELECT payload FROM audit_event WHERE case_id = $1 AND seq > $2`, [
      c.id,
      viewedBefore,
    ]);
    expect(viewed.rows.map((r) => r.payload.fields)).toEqual([
      ['referral.answer.note', 'referral.completion.feedback', 'referral.completion.outcome', 'referral.reason'],
    ]);

    // The principal, without a grant, sees the loop but not what was written.
    const [principal] = await referralsOf(w.users.principalA, c.id);
    expect(principal).toMatchObject({
      status: 'completed',
      reason: null,
      answer: { note: null },
      completion: { feedback: null, outcome: null },
    });
    expect(principal.masked.sort()).toEqual(['answer.note', 'completion.feedback', 'completion.outcome', 'reason']);
  });

  it('sent → declined returns the case to assessment with the reason; withdrawn consent refuses the next referral; a new one is a new row', async () => {
    let c = await inAssessment();
    const { consentIds } = await prepareReferral(t, w, c, { by: tv });
    c = await move(t, tv, c, 'REFER', PAYLOADS.refer(receiverId));
    c = await move(t, tv, c, 'REFERRAL_DECLINED', { reason: 'Đơn vị quá tải đến tháng sau.' });
    expect(c.state).toBe('assessment');
    const [declined] = await referralsOf(w.users.supervisorA, c.id);
    expect(declined).toMatchObject({
      status: 'declined',
      answer: { declinedReason: 'Đơn vị quá tải đến tháng sau.' },
      completion: null,
    });
    expect(declined.steps.map((s) => s.status)).toEqual(['sent', 'declined']);

    // The learner takes their consent back: the next sharing is refused, and names them.
    await withdraw(c.id, consentIds[1]);
    const refused = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(receiverId)).expect(422);
    expect(refused.body.details).toEqual({ reason: 'consent_missing', missing: ['learner'] });

    await prepareReferral(t, w, c, { by: tv, givers: ['learner'] });
    c = await move(t, tv, c, 'REFER', PAYLOADS.refer(receiverId));
    expect((await referralsOf(w.users.supervisorA, c.id)).map((r) => [r.seq, r.status])).toEqual([
      [1, 'declined'],
      [2, 'sent'],
    ]);
  });

  it('records a protection report with no consent at all, and logs it as a legal duty', async () => {
    let c = await inAssessment();
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', {
      kind: 'abuse',
      facts: 'Em có vết bầm tím, kể bị đánh.',
      carerSuspected: true,
    });
    c = await move(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', {
      recipient: 'tong_dai_111',
      notifiedAt: t.clock.now().toISOString(),
      notifiedBy: 'Cô Lan',
    });
    expect(Number((await pg.query(`SELECT count(*) FROM consent WHERE case_id = $1`, [c.id])).rows[0].count)).toBe(0);
    const notified = (await historyOf(t, w.users.supervisorA, c.id)).find(
      (e) => e.type === 'RECORD_PROTECTION_NOTIFICATION',
    );
    expect(notified?.payload.legalDuty).toEqual({
      consentRequired: false,
      basis: 'Luật Trẻ em 2016 Điều 51; Nghị định 56/2017/NĐ-CP Điều 25',
      basisEn: 'Law on Children 2016 Art. 51; Decree 56/2017/ND-CP Art. 25',
    });
  });

  it('chases a silent receiver along the ladder on the clock: counsellor, supervisors, principal, ward officer', async () => {
    const { supervisorA: tt, supervisorA2: tt2, principalA: ht, wardW: vh } = w.users;
    const sweep = () => t.app.get(EscalationSweepService).sweepOnce();
    t.clock.set('2026-06-01T09:00:00+07:00'); // Monday; five working days: Monday 8 June, 17:00
    let c = await inAssessment();
    c = await move(t, tv, c, 'REFER', (await prepareReferral(t, w, c, { by: tv })).payload);
    const levels = async (who: Login) =>
      (await t.http().get('/api/alerts').query({ caseId: c.id, pageSize: 100 }).set(auth(who)).expect(200)).body.items
        .map((a: { level: string }) => a.level)
        .sort();
    const at = async (iso: string) => {
      t.clock.set(iso);
      await sweep();
    };

    await at('2026-06-05T16:59:00+07:00');
    expect(await levels(tv)).toEqual([]);
    await at('2026-06-05T17:00:00+07:00'); // a working day before: the counsellor is reminded
    expect(await levels(tv)).toEqual(['reminder']);
    expect(await levels(tt)).toEqual([]);
    await at('2026-06-08T17:00:00+07:00'); // due: the counsellor and both supervisors
    expect(await levels(tv)).toEqual(['overdue', 'reminder']);
    expect([await levels(tt), await levels(tt2), await levels(ht)]).toEqual([['overdue'], ['overdue'], []]);
    await at('2026-06-10T17:00:00+07:00'); // +2 working days: the principal
    const principal = (await t.http().get('/api/alerts').query({ caseId: c.id }).set(auth(ht)).expect(200)).body.items;
    expect(principal.map((a: { level: string; reason: string }) => [a.level, a.reason])).toEqual([
      ['principal', expect.stringMatching(/^Quá hạn đơn vị tiếp nhận trả lời 2 ngày làm việc/)],
    ]);
    expect(await levels(vh)).toEqual([]);
    await at('2026-06-15T17:00:00+07:00'); // +5 working days: the ward officer
    expect(await levels(vh)).toEqual(['ward']);

    // The answer, recorded at last, stops the chase (the feedback clock, 30 days, starts instead).
    c = await move(t, tv, c, 'REFERRAL_ACCEPTED', {});
    await at('2026-06-30T09:00:00+07:00');
    expect([await levels(tv), await levels(ht), await levels(vh)]).toEqual([
      ['overdue', 'reminder'],
      ['principal'],
      ['ward'],
    ]);
  });
});

import { auth, Login, World } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS, prepareReferral } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { pdfOf, upload } from '../attachments/attachment-helpers';
import { useTestWorld } from '../support/test-world';

const HOUR = 3_600_000;

type Entry = {
  seq: number;
  occurredAt: string;
  recordedAt: string;
  kind: string;
  type: string;
  label: { vi: string; en: string };
  fromState: string | null;
  toState: string | null;
  actor: { id: string | null; fullName: string | null; role: string | null };
  details: Record<string, unknown>;
  attachments: { id: string; kind: string; attachedAt: string; withdrawnAt: string | null }[];
};

describe('the chronology of a case: every record, in the order it happened, with who and when', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const chronology = async (by: Login, caseId: string) =>
    (await t.http().get(`/api/cases/${caseId}/chronology`).set(auth(by)).expect(200)).body.items as Entry[];
  const later = async <T>(step: () => Promise<T>): Promise<T> => {
    t.clock.advance(HOUR);
    return step();
  };

  it('lists stage changes, consents and notes in time order, naming each actor, and opens nothing sealed', async () => {
    const tv = w.users.counsellorA;
    let c: CaseBody = await openCase(t, w, { by: tv });
    c = await later(() => move(t, tv, c, 'START_ASSESSMENT'));
    // Given the evening before the case was opened, recorded today: it belongs before the opening.
    await later(() =>
      t
        .http()
        .post(`/api/cases/${c.id}/consents`)
        .set(auth(tv))
        .send({
          givenBy: 'guardian',
          guardian: { fullName: 'Nguyễn Thị Hoa', relationship: 'mẹ' },
          scope: { kind: 'referral', purpose: 'Chuyển gửi Trạm y tế phường.' },
          givenAt: '2026-03-01',
          how: 'van_ban',
        })
        .expect(201),
    );
    c = await later(() => move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment()));
    c = await later(() => move(t, tv, c, 'ADD_NOTE', { text: 'Em kể chuyện ở nhà với cô chủ nhiệm.' }));
    c = await later(() => move(t, w.users.supervisorA, c, 'SUBMIT_PLAN', PAYLOADS.plan));
    // A read of the confidential content, printed or not, is an event of the chain, not of the learner's story.
    await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.supervisorA)).expect(200);
    await t.http().get(`/api/cases/${c.id}/forms/1`).set(auth(w.users.supervisorA)).expect(200);
    c = await later(() => move(t, tv, c, 'PROPOSE_CLOSURE', { outcome: 'Em đã ổn định, đi học đều.' }));

    const items = await chronology(w.users.principalA, c.id);
    expect(items.map((i) => i.type)).toEqual([
      'CONSENT_RECORDED',
      'CASE_OPENED',
      'START_ASSESSMENT',
      'COMPLETE_ASSESSMENT',
      'ADD_NOTE',
      'SUBMIT_PLAN',
      'PROPOSE_CLOSURE',
    ]);
    const occurred = items.map((i) => i.occurredAt);
    expect([...occurred].sort()).toEqual(occurred);
    expect(items[0]).toMatchObject({
      kind: 'consent',
      label: { vi: 'Ghi nhận sự đồng ý' },
      occurredAt: '2026-02-28T17:00:00.000Z',
      actor: { id: tv.id, fullName: 'Người dùng counsellorA', role: 'counsellor' },
      details: { givenBy: 'guardian', kind: 'referral', givenAt: '2026-03-01' },
    });
    expect(items[0].recordedAt > items[1].recordedAt).toBe(true);
    expect(items.find((i) => i.type === 'SUBMIT_PLAN')).toMatchObject({
      kind: 'stage',
      fromState: 'planning',
      toState: 'monitoring',
      actor: { id: w.users.supervisorA.id, fullName: 'Người dùng supervisorA', role: 'supervisor' },
    });
    expect(items.find((i) => i.type === 'PROPOSE_CLOSURE')).toMatchObject({
      toState: 'closed.followUp',
      label: { vi: 'Đề xuất kết thúc hỗ trợ' },
    });
    // What the counsellor wrote stays sealed, whoever reads the chronology.
    const text = JSON.stringify(items);
    for (const secret of [
      'Mất ngủ',
      'Em kể chuyện',
      'Ổn định giấc ngủ',
      'Em đã ổn định',
      'Nguyễn Thị Hoa',
      'Trạm y tế phường.',
    ])
      expect(text).not.toContain(secret);
    expect(items.find((i) => i.type === 'COMPLETE_ASSESSMENT')?.details).toEqual({
      riskLevel: 'medium',
      assessmentId: expect.any(String),
    });
  });

  it('lists every record of a full case in the order it happened: sessions, contacts, referral steps, consents, closure, follow-up', async () => {
    const tv = w.users.counsellorA;
    const post = (path: string, body: object) =>
      t.http().post(`/api/cases/${c.id}/${path}`).set(auth(tv)).send(body).expect(201);
    // Half an hour ago, by the test's clock: sessions and contacts are written down after they happen.
    const halfHourAgo = () => new Date(t.clock.now().getTime() - HOUR / 2).toISOString();
    let c: CaseBody = await openCase(t, w, { by: tv });
    c = await later(() => move(t, tv, c, 'START_ASSESSMENT'));
    await later(() => post('sessions', { ...PAYLOADS.session, startedAt: halfHourAgo(), nextAppointment: undefined }));
    c = await later(() => move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessmentFull()));
    c = await later(() => move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.planFull));
    await later(() => post('family-contacts', { ...PAYLOADS.familyContact, contactedAt: halfHourAgo() }));
    const { payload } = await later(() => prepareReferral(t, w, c, { by: tv }));
    c = await later(() => move(t, tv, c, 'REFER', payload));
    c = await later(() => move(t, tv, c, 'REFERRAL_ACCEPTED', {}));
    c = await later(() => move(t, tv, c, 'REFERRAL_COMPLETED', { feedback: 'Em đã được khám và tư vấn hai buổi.' }));
    await later(() =>
      post('sessions', {
        ...PAYLOADS.session,
        mode: 'truc_tuyen',
        channel: 'zalo',
        startedAt: halfHourAgo(),
        ending: 'dung_va_theo_doi',
        nextAppointment: undefined,
      }),
    );
    c = await later(() => move(t, tv, c, 'PROPOSE_CLOSURE', PAYLOADS.closureFull));
    t.clock.advance(30 * 24 * HOUR);
    await post('follow-ups', { ...PAYLOADS.followUp, contactedAt: halfHourAgo() });
    t.clock.advance(60 * 24 * HOUR);
    await post('follow-ups', { ...PAYLOADS.followUp, contactedAt: halfHourAgo() });
    c = await later(() => move(t, tv, c, 'FOLLOW_UP_DONE', { notes: 'Gia đình cho biết em vẫn ổn.' }));

    const items = await chronology(w.users.auditorA, c.id);
    expect(items.map((i) => `${i.kind} ${i.type}`)).toEqual([
      // Both given on 2026-03-01, the day before the case was opened: they head the story.
      'consent CONSENT_RECORDED',
      'consent CONSENT_RECORDED',
      'case CASE_OPENED',
      'stage START_ASSESSMENT',
      'session SESSION_RECORDED',
      'stage COMPLETE_ASSESSMENT',
      'stage SUBMIT_PLAN',
      'family_contact FAMILY_CONTACT_RECORDED',
      'referral REFER',
      'referral REFERRAL_ACCEPTED',
      'referral REFERRAL_COMPLETED',
      'session SESSION_RECORDED',
      'stage PROPOSE_CLOSURE',
      'follow_up FOLLOW_UP_RECORDED',
      'follow_up FOLLOW_UP_RECORDED',
      'stage FOLLOW_UP_DONE',
    ]);
    const occurred = items.map((i) => i.occurredAt);
    expect([...occurred].sort()).toEqual(occurred);
    // A session is placed when it was held, not when it was written down; who and when for each.
    const [first, second] = items.filter((i) => i.type === 'SESSION_RECORDED');
    expect(Date.parse(first.recordedAt) - Date.parse(first.occurredAt)).toBe(HOUR / 2);
    expect(first).toMatchObject({
      actor: { id: tv.id, fullName: 'Người dùng counsellorA', role: 'counsellor' },
      details: { mode: 'truc_tiep', minutes: 45 },
    });
    expect(second.details).toMatchObject({ mode: 'truc_tuyen', channel: 'zalo' });
    expect(items.find((i) => i.type === 'REFER')?.details).toMatchObject({
      receiver: 'Trạm y tế phường Thử Nghiệm',
      referralId: expect.any(String),
    });
    expect(JSON.stringify(items)).not.toContain('Em cởi mở hơn');
  });

  it('answers 404 for a case the caller cannot see, and reads append nothing to the chain', async () => {
    const c = await openCase(t, w);
    await t.http().get(`/api/cases/${c.id}/chronology`).set(auth(w.users.counsellorB)).expect(404);
    await t.http().get(`/api/cases/${c.id}/chronology`).set(auth(w.users.wardW)).expect(404);
    const before = (await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.auditorA)).expect(200))
      .body.events;
    expect(await chronology(w.users.auditorA, c.id)).toHaveLength(1);
    await chronology(w.users.supervisorA, c.id);
    const after = (await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.auditorA)).expect(200)).body
      .events;
    expect(after).toBe(before);
  });

  it('lists under a session the files attached to it, with the attachment and its withdrawal as entries of their own', async () => {
    const tv = w.users.counsellorA;
    let c: CaseBody = await openCase(t, w, { by: tv });
    c = await later(() => move(t, tv, c, 'START_ASSESSMENT'));
    const halfHourAgo = new Date(t.clock.now().getTime() - HOUR / 2).toISOString();
    const session = (
      await t
        .http()
        .post(`/api/cases/${c.id}/sessions`)
        .set(auth(tv))
        .send({ ...PAYLOADS.session, startedAt: halfHourAgo, nextAppointment: undefined })
        .expect(201)
    ).body;
    const signed = await later(
      async () =>
        (
          await upload(t, tv, c.id, pdfOf(4000, 'phieu-dong-y'), 'phieu.pdf', {
            caption: 'Phiếu đồng ý có chữ ký của mẹ em',
            recordId: session.id,
          }).expect(201)
        ).body,
    );
    const wrong = await later(
      async () =>
        (
          await upload(t, tv, c.id, pdfOf(4000, 'nham'), 'nham.pdf', {
            caption: 'Tải nhầm',
            recordId: session.id,
          }).expect(201)
        ).body,
    );
    const caseLevel = await later(
      async () =>
        (await upload(t, tv, c.id, pdfOf(4000, 'chung'), 'chung.pdf', { caption: 'Trang sổ theo dõi' }).expect(201))
          .body,
    );
    await later(() =>
      t
        .http()
        .post(`/api/cases/${c.id}/attachments/${wrong.id}/withdraw`)
        .set(auth(tv))
        .send({ reason: 'Tải nhầm tệp' })
        .expect(201),
    );

    const items = await chronology(tv, c.id);
    const [recorded] = items.filter((i) => i.type === 'SESSION_RECORDED');
    expect(recorded.attachments).toEqual([
      { id: signed.id, kind: 'pdf', attachedAt: signed.uploadedAt, withdrawnAt: null },
      { id: wrong.id, kind: 'pdf', attachedAt: wrong.uploadedAt, withdrawnAt: expect.any(String) },
    ]);
    expect(JSON.stringify(items)).not.toContain('Phiếu đồng ý');
    expect(items.filter((i) => i.kind === 'attachment').map((i) => [i.type, i.label.vi])).toEqual([
      ['ATTACHMENT_ADDED', 'Đính kèm tệp'],
      ['ATTACHMENT_ADDED', 'Đính kèm tệp'],
      ['ATTACHMENT_ADDED', 'Đính kèm tệp'],
      ['ATTACHMENT_WITHDRAWN', 'Rút tệp đính kèm'],
    ]);
    // A file of the case as a whole belongs to no record: it is listed as its own entry only.
    const holders = items.filter((i) => i.attachments.some((a) => a.id === caseLevel.id));
    expect(holders).toEqual([]);
    expect(items.filter((i) => i.type !== 'SESSION_RECORDED').every((i) => i.attachments.length === 0)).toBe(true);

    // The principal reads the case but not its confidential content: that files were attached and when, not to
    // which record, and never a caption.
    const masked = await chronology(w.users.principalA, c.id);
    expect(masked.map((i) => i.type)).toEqual(items.map((i) => i.type));
    expect(masked.every((i) => i.attachments.length === 0 && !('recordId' in i.details))).toBe(true);
    expect(JSON.stringify(masked.filter((i) => i.kind === 'attachment'))).not.toContain(session.id);
  });
});

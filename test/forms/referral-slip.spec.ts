import { join } from 'node:path';
import { loadFormTemplates } from '@dh/forms';
import { auth, buildWorld, World } from '../support/fixtures';
import { getForm, hasRun, labelsOf, readDocx } from '../support/docx';
import { historyOf, move, openCase, prepareReferral } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';

const TEMPLATE = loadFormTemplates(join(__dirname, '../../config/forms')).get('03')!;

describe('Form 03, the referral slip', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
  });
  afterAll(() => t.close());

  it('prints the referral with its sender, receiver, reason, consents, answer and feedback; every label', async () => {
    const opened = await openCase(t, w);
    let c = await move(t, w.users.counsellorA, opened, 'START_ASSESSMENT');
    const { payload } = await prepareReferral(t, w, c);
    c = await move(t, w.users.counsellorA, c, 'REFER', {
      ...payload,
      reason: 'Em cần được bác sĩ tâm lý đánh giá rối loạn giấc ngủ.',
      areas: ['tam_ly'],
      sender: { title: 'Giáo viên tư vấn', phone: '0901234567', email: 'tuvan@thcs-a.edu.vn' },
    });
    c = await move(t, w.users.counsellorA, c, 'REFERRAL_ACCEPTED', {
      receiverContact: 'BS. Hoàng Minh',
      note: 'Hẹn khám ngày 10/3.',
    });
    await move(t, w.users.counsellorA, c, 'REFERRAL_COMPLETED', {
      feedback: 'Em đã được khám và tư vấn hai buổi.',
      outcome: 'Giấc ngủ cải thiện rõ.',
    });

    const res = await getForm(t, w.users.supervisorA, opened.id, '3').expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Mau-03-${opened.code}.docx"`);
    const { runs } = readDocx(res.body);
    const expected = [
      ...labelsOf(TEMPLATE),
      'PHIẾU CHUYỂN GỬI',
      'Người dùng counsellorA',
      'Giáo viên tư vấn',
      'Trường THCS Thử Nghiệm A',
      '0901234567',
      'tuvan@thcs-a.edu.vn',
      'Trạm y tế phường Thử Nghiệm',
      'BS. Hoàng Minh',
      '12 Phố Thử Nghiệm',
      '024 3851 1234',
      'Em cần được bác sĩ tâm lý đánh giá rối loạn giấc ngủ.',
      '☒ Tâm lý',
      '☐ Học tập',
      // The consents relied on: the guardian's and the learner's, each with its day.
      'Nguyễn Thị Hoa (mẹ), 01/03/2026',
      '01/03/2026',
      '02/03/2026',
      '☒ Tiếp nhận',
      'Hẹn khám ngày 10/3.',
      'Giấc ngủ cải thiện rõ.',
      'Em đã được khám và tư vấn hai buổi.',
      'Phường Thử Nghiệm, ngày 02 tháng 03 năm 2026',
    ];
    expect(expected.filter((text) => !hasRun(runs, text))).toEqual([]);
    const generated = (await historyOf(t, w.users.supervisorA, opened.id))
      .filter((e) => e.type === 'FORM_GENERATED')
      .at(-1);
    expect(generated?.payload).toMatchObject({ form: '03', version: 1 });
    expect(generated?.payload.fields).toEqual(
      expect.arrayContaining(['referral.reason', 'referral.completion.feedback', 'consent.guardianName']),
    );

    // The inspector's copy: the loop and who took part, not what was written nor who in the family consented.
    const inspected = readDocx((await getForm(t, w.users.auditorA, opened.id, '3').expect(200)).body).runs;
    expect(
      [
        'Trạm y tế phường Thử Nghiệm',
        'Người dùng counsellorA',
        '☒ Tiếp nhận',
        '(Nội dung bảo mật), 01/03/2026',
        '(Nội dung bảo mật)',
      ].filter((text) => !hasRun(inspected, text)),
    ).toEqual([]);
    const sealed = [
      'Em cần được bác sĩ tâm lý đánh giá rối loạn giấc ngủ.',
      'Hẹn khám ngày 10/3.',
      'Giấc ngủ cải thiện rõ.',
      'Em đã được khám và tư vấn hai buổi.',
      'Nguyễn Thị Hoa',
    ];
    expect(sealed.filter((text) => hasRun(inspected, text))).toEqual([]);
  });

  it('a referral of another case, or none, is 404; a malformed referralId 400', async () => {
    const c = await openCase(t, w);
    await getForm(t, w.users.supervisorA, c.id, '3', { referralId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }).expect(
      404,
    );
    const bad = await t
      .http()
      .get(`/api/cases/${c.id}/forms/3`)
      .query({ referralId: 'x' })
      .set(auth(w.users.supervisorA))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['referralId']);
    // Never referred: the slip still prints, the learner filled in, the rest blank.
    expect(
      hasRun(readDocx((await getForm(t, w.users.supervisorA, c.id, '3').expect(200)).body).runs, 'Lý do chuyển gửi: '),
    ).toBe(true);
  });
});

import { join } from 'node:path';
import { loadFormTemplates } from '@dh/forms';
import { auth } from '../support/fixtures';
import { getForm, hasRun, labelsOf, readDocx, tablesOf } from '../support/docx';
import { historyOf, move, PAYLOADS } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';

const TEMPLATES = loadFormTemplates(join(__dirname, '../../config/forms'));
const missing = (runs: string[], texts: string[]) => texts.filter((text) => !hasRun(runs, text));

// The support plan and the family contacts log, printed like Forms 01–04: from their templates, for those who read
// the case, sealed for those who may not read its confidential content, each print in the case's chain.
describe('the plan form and the family contacts log as Word documents', () => {
  const world = useTestWorld();
  let planned: { id: string; code: string };
  let fresh: { id: string; code: string };

  const openCase = async (fullName: string) => {
    const { t, w } = world;
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        fullName,
        dateOfBirth: '2013-05-14',
        sex: 'nu',
        className: '7A1',
        confirmDistinct: true,
      })
      .expect(201);
    return (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.body.id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'cha_me',
          summary: 'Em mất ngủ kéo dài.',
          riskLevel: 'high',
          riskRationale: 'Ảnh hưởng học tập.',
        })
        .expect(201)
    ).body;
  };

  beforeAll(async () => {
    const { t, w } = world;
    const opened = await openCase('Đỗ Thị Minh Châu');
    let now = await move(t, w.users.counsellorA, opened, 'START_ASSESSMENT');
    now = await move(t, w.users.counsellorA, now, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('high'));
    now = await move(t, w.users.counsellorA, now, 'SUBMIT_PLAN', PAYLOADS.planFull);
    await move(t, w.users.supervisorA, now, 'APPROVE_PLAN', {});
    // Recorded out of order: the log prints them in the order they happened.
    await t
      .http()
      .post(`/api/cases/${opened.id}/family-contacts`)
      .set(auth(w.users.counsellorA))
      .send(PAYLOADS.familyContact)
      .expect(201);
    await t
      .http()
      .post(`/api/cases/${opened.id}/family-contacts`)
      .set(auth(w.users.counsellorA))
      .send({
        contactedAt: '2026-03-01T16:30:00+07:00',
        person: { fullName: 'Đỗ Văn Hải', relationship: 'bố' },
        how: 'truc_tiep',
        content: 'Bố đến trường trao đổi về việc học buổi tối.',
        agreed: 'Bố tắt wifi sau 22 giờ.',
      })
      .expect(201);
    planned = opened;
    fresh = await openCase('Lý Gia Bảo');
  });

  it('the plan form prints the current plan: goals, activities, form, partners, resources, time and place, dates, and its approval', async () => {
    const res = await getForm(world.t, world.w.users.supervisorA, planned.id, 'ke-hoach').expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Mau-ke-hoach-${planned.code}.docx"`);
    const { runs } = readDocx(res.body);
    const plan = PAYLOADS.planFull;
    expect(missing(runs, labelsOf(TEMPLATES.get('ke-hoach')!))).toEqual([]);
    expect(
      missing(runs, [
        'KẾ HOẠCH HỖ TRỢ',
        'UBND PHƯỜNG THỬ NGHIỆM',
        'Đỗ Thị Minh Châu',
        planned.code,
        ...plan.goals,
        ...plan.activities,
        '☒ Trực tiếp',
        '☐ Trực tuyến',
        ...plan.partners,
        plan.resources,
        plan.timeAndPlace,
        plan.responsible,
        '29/05/2026',
        '15/04/2026',
        '☒ Đã phê duyệt',
        // The counsellor who drew it up and the supervisor who approved it sign side by side.
        'Người dùng counsellorA',
        'Người dùng supervisorA',
        'Phường Thử Nghiệm, ngày 02 tháng 03 năm 2026',
      ]),
    ).toEqual([]);
    const printed = (await historyOf(world.t, world.w.users.supervisorA, planned.id))
      .filter((e) => e.type === 'FORM_GENERATED')
      .at(-1);
    expect(printed?.payload).toMatchObject({
      form: 'ke-hoach',
      version: 1,
      masked: false,
      fields: expect.arrayContaining(['plan.goals', 'plan.activities', 'plan.partners']),
    });
  });

  it('the family contacts log prints each contact in the order it happened: when, with whom, how, what was said and agreed', async () => {
    const { runs, xml } = readDocx(
      (await getForm(world.t, world.w.users.counsellorA, planned.id, 'lien-he-gia-dinh').expect(200)).body,
    );
    expect(
      missing(runs, [...labelsOf(TEMPLATES.get('lien-he-gia-dinh')!), 'SỔ LIÊN HỆ GIA ĐÌNH', 'Đỗ Thị Minh Châu']),
    ).toEqual([]);
    const log = tablesOf(xml).find((t) => t.rows[0].includes('Nội dung trao đổi'))!;
    const contact = PAYLOADS.familyContact;
    expect(log.rows.slice(1)).toEqual([
      [
        '1',
        '16 giờ 30, ngày 01/03/2026',
        'Đỗ Văn Hải (bố)',
        'Trực tiếp',
        'Bố đến trường trao đổi về việc học buổi tối.',
        'Bố tắt wifi sau 22 giờ.',
        'Người dùng counsellorA',
      ],
      [
        '2',
        '08 giờ 00, ngày 02/03/2026',
        'Trần Thị Mai Hương (mẹ)',
        'Điện thoại',
        contact.content,
        contact.agreed,
        'Người dùng counsellorA',
      ],
    ]);
  });

  it('an inspector or a principal without a grant gets both with what was written sealed, when and how kept; each print in the chain', async () => {
    const { t, w } = world;
    const sealed = [
      ...PAYLOADS.planFull.goals,
      ...PAYLOADS.planFull.activities,
      ...PAYLOADS.planFull.partners,
      PAYLOADS.planFull.resources,
      PAYLOADS.planFull.timeAndPlace,
      'Trần Thị Mai Hương',
      PAYLOADS.familyContact.content,
      PAYLOADS.familyContact.agreed,
      'Đỗ Văn Hải',
    ];
    for (const who of [w.users.auditorA, w.users.principalA]) {
      const plan = readDocx((await getForm(t, who, planned.id, 'ke-hoach').expect(200)).body).runs;
      const { runs: log, xml } = readDocx((await getForm(t, who, planned.id, 'lien-he-gia-dinh').expect(200)).body);
      expect({ leaked: sealed.filter((text) => hasRun(plan, text) || hasRun(log, text)) }).toEqual({ leaked: [] });
      expect(
        missing(plan, [
          '(Nội dung bảo mật)',
          'Đỗ Thị Minh Châu',
          '☒ Trực tiếp',
          '29/05/2026',
          '15/04/2026',
          '☒ Đã phê duyệt',
        ]),
      ).toEqual([]);
      expect(tablesOf(xml).find((tb) => tb.rows[0].includes('Nội dung trao đổi'))!.rows[2]).toEqual([
        '2',
        '08 giờ 00, ngày 02/03/2026',
        '(Nội dung bảo mật)',
        'Điện thoại',
        '(Nội dung bảo mật)',
        '(Nội dung bảo mật)',
        'Người dùng counsellorA',
      ]);
      const prints = (await historyOf(t, w.users.supervisorA, planned.id))
        .filter((e) => e.type === 'FORM_GENERATED')
        .slice(-2);
      expect(prints.map((e) => [e.actorId, e.payload.form, e.payload.masked, e.payload.fields])).toEqual([
        [who.id, 'ke-hoach', true, []],
        [who.id, 'lien-he-gia-dinh', true, []],
      ]);
    }
  });

  it('a case with no plan and no contact yet prints both with blanks to fill by hand', async () => {
    const print = async (n: string) =>
      readDocx((await getForm(world.t, world.w.users.counsellorA, fresh.id, n).expect(200)).body);
    for (const n of ['ke-hoach', 'lien-he-gia-dinh']) {
      expect({
        n,
        missing: missing((await print(n)).runs, [...labelsOf(TEMPLATES.get(n as 'ke-hoach')!), 'Lý Gia Bảo']),
      }).toEqual({ n, missing: [] });
    }
    const plan = (await print('ke-hoach')).runs;
    expect(plan[plan.indexOf('Mục tiêu hỗ trợ: ') + 1]).toMatch(/^…{10,}$/);
    expect(missing(plan, ['☐ Trực tiếp', '☐ Trực tuyến', '☐ Đã phê duyệt', '☐ Chờ phê duyệt'])).toEqual([]);
    const log = tablesOf((await print('lien-he-gia-dinh')).xml).find((t) => t.rows[0].includes('Nội dung trao đổi'))!;
    expect(log.rows.slice(1).map((r) => r.map((text) => /^…+$/.test(text)))).toEqual(
      Array.from({ length: 6 }, () => Array.from({ length: 7 }, () => true)),
    );
  });

  it('a name that is no form is a 400 naming n; another school’s case is 404', async () => {
    const { t, w } = world;
    for (const n of ['ke-hoach-2', 'KE-HOACH', 'lien-he']) {
      const res = await t.http().get(`/api/cases/${planned.id}/forms/${n}`).set(auth(w.users.supervisorA)).expect(400);
      expect(res.body.details).toEqual([
        { field: 'n', label: 'Số mẫu', problems: [expect.stringContaining('ke-hoach')] },
      ]);
    }
    for (const n of ['ke-hoach', 'lien-he-gia-dinh']) await getForm(t, w.users.supervisorB, planned.id, n).expect(404);
  });
});

import { auth, Login, World } from '../support/fixtures';
import { move, PAYLOADS } from '../support/case-helpers';
import { getForm, hasRun, readDocx } from '../support/docx';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { Client } from 'pg';

// Issue 13, point 10: everything Forms 01–04 print can be entered. The family takes each parent's year of birth
// and occupation and names the current carer; the case's intake takes the family circumstances and the actions
// already taken; Form 04 prints the supervisor who approved the closure. Each is sealed like the rest of the
// family and the narrative, refused by name when wrong, masked for readers of no confidential content.
describe('what the forms print can be entered, sealed, and printed', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const family = [
    {
      fullName: 'Phạm Văn Cường',
      relationship: 'bố',
      phone: '0912000111',
      yearOfBirth: 1980,
      occupation: 'Thợ xây dựng',
    },
    { fullName: 'Đỗ Thị Mai', relationship: 'mẹ', yearOfBirth: 1984, occupation: 'Buôn bán tự do' },
    { fullName: 'Đỗ Thị Bình', relationship: 'bà ngoại', phone: '0911222333', yearOfBirth: 1955, currentCarer: true },
  ];
  const narrative = {
    familyCircumstances: 'Bố mẹ đi làm ăn xa, em ở với bà ngoại đã ngoài 70 tuổi.',
    actionsTaken: 'Đã gọi điện cho bà ngoại; giáo viên chủ nhiệm theo dõi em trong giờ ra chơi.',
  };
  const learnerBody = (guardians: unknown, fullName = 'Phạm Đỗ Gia Hân') => ({
    schoolId: w.schoolA,
    fullName,
    dateOfBirth: '2013-09-21',
    sex: 'nu',
    className: '7A2',
    confirmDistinct: true,
    guardians,
  });
  const caseBody = (learnerId: string, extra: Record<string, unknown> = narrative) => ({
    schoolId: w.schoolA,
    learnerId,
    areas: [{ code: 'tam_ly', priority: 1 }],
    channel: 'giao_vien',
    summary: 'Em hay khóc trong giờ học.',
    riskLevel: 'high',
    riskRationale: 'Em nói không muốn về nhà.',
    ...extra,
  });
  const count = async (table: string) => Number((await pg.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  const fieldsOf = (body: { details: { field: string; problems: string[] }[] }) => body.details.map((d) => d.field);

  let learnerId: string;
  let caseId: string;

  beforeAll(async () => {
    learnerId = (
      await t.http().post('/api/learners').set(auth(w.users.counsellorA)).send(learnerBody(family)).expect(201)
    ).body.id;
    caseId = (await t.http().post('/api/cases').set(auth(w.users.counsellorA)).send(caseBody(learnerId)).expect(201))
      .body.id;
  });

  it('the family takes each parent’s year of birth and occupation and the current carer; the case team reads them back', async () => {
    const items = (
      await t.http().get('/api/learners').query({ q: 'gia han' }).set(auth(w.users.counsellorA)).expect(200)
    ).body.items;
    expect(items).toEqual([expect.objectContaining({ id: learnerId, guardians: family, masked: [] })]);
  });

  it.each([
    ['a year of birth that is not a whole number', [{ ...family[0], yearOfBirth: '1980' }], 'guardians[0].yearOfBirth'],
    ['a year of birth in the future', [{ ...family[0], yearOfBirth: 2027 }], 'guardians[0].yearOfBirth'],
    ['a year of birth no living parent has', [{ ...family[0], yearOfBirth: 1850 }], 'guardians[0].yearOfBirth'],
    ['a blank occupation', [{ ...family[0], occupation: ' \u200b ' }], 'guardians[0].occupation'],
    ['an occupation too long to print', [{ ...family[0], occupation: 'x'.repeat(201) }], 'guardians[0].occupation'],
    ['a carer flag that is not true or false', [{ ...family[2], currentCarer: 'có' }], 'guardians[0].currentCarer'],
    ['two current carers', [{ ...family[0], currentCarer: true }, family[2]], 'guardians'],
  ])('refuses %s with a 400 naming the field, adding no learner', async (_what, guardians, field) => {
    const before = await count('learner');
    const res = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send(learnerBody(guardians, 'Phạm Đỗ Bị Từ Chối'))
      .expect(400);
    expect(fieldsOf(res.body)).toEqual([field]);
    expect(res.body.details[0].problems.join(' ')).toMatch(/\S/);
    expect(await count('learner')).toBe(before);
  });

  it.each([
    ['blank family circumstances', { familyCircumstances: '   ' }, 'familyCircumstances'],
    ['family circumstances that are not text', { familyCircumstances: 42 }, 'familyCircumstances'],
    ['actions taken too long', { actionsTaken: 'x'.repeat(5001) }, 'actionsTaken'],
    ['actions taken that are not text', { actionsTaken: ['gọi điện'] }, 'actionsTaken'],
  ])('refuses %s at intake with a 400 naming the field, opening no case', async (_what, extra, field) => {
    const before = await count('case');
    const res = await t
      .http()
      .post('/api/cases')
      .set(auth(w.users.counsellorA))
      .send(caseBody(learnerId, extra))
      .expect(400);
    expect(fieldsOf(res.body)).toEqual([field]);
    expect(await count('case')).toBe(before);
  });

  it('the new fields are sealed at rest: none of them is readable in the database', async () => {
    const { guardians } = (await pg.query(`SELECT guardians FROM learner WHERE id = $1`, [learnerId])).rows[0];
    const row = (await pg.query(`SELECT family_circumstances, actions_taken FROM "case" WHERE id = $1`, [caseId]))
      .rows[0];
    const opened = (
      await pg.query(`SELECT payload::text AS p FROM audit_event WHERE case_id = $1 AND type = 'CASE_OPENED'`, [caseId])
    ).rows[0].p;
    const stored = [guardians, row.family_circumstances, row.actions_taken, opened].join('\n');
    for (const plain of [
      'Thợ xây dựng',
      'Buôn bán tự do',
      'Đỗ Thị Bình',
      'yearOfBirth',
      'currentCarer',
      'bà ngoại',
      'ngoài 70 tuổi',
      'Đã gọi điện',
    ]) {
      expect({ plain, found: stored.includes(plain) }).toEqual({ plain, found: false });
    }
    expect(row.family_circumstances).toMatch(/\S/);
    expect(row.actions_taken).toMatch(/\S/);
  });

  it('the case team reads the intake narrative back, each read in the chain; the principal without a grant gets it masked', async () => {
    const read = async (by: Login) => (await t.http().get(`/api/cases/${caseId}`).set(auth(by)).expect(200)).body;
    expect(await read(w.users.counsellorA)).toMatchObject({ ...narrative, masked: [] });
    expect(await read(w.users.principalA)).toMatchObject({
      familyCircumstances: null,
      actionsTaken: null,
      masked: ['summary', 'riskRationale', 'familyCircumstances', 'actionsTaken'],
    });
    const viewed = (
      await pg.query(`SELECT payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED' ORDER BY seq`, [caseId])
    ).rows;
    expect(viewed.at(-1).payload.fields).toEqual(['summary', 'riskRationale', 'familyCircumstances', 'actionsTaken']);
    const history = (await t.http().get(`/api/cases/${caseId}/history`).set(auth(w.users.principalA)).expect(200)).body
      .items;
    expect(history[0]).toMatchObject({
      type: 'CASE_OPENED',
      payload: { familyCircumstances: null, actionsTaken: null },
    });
    const own = (await t.http().get(`/api/cases/${caseId}/history`).set(auth(w.users.counsellorA)).expect(200)).body
      .items;
    expect(own[0]).toMatchObject({ type: 'CASE_OPENED', payload: narrative });
  });

  it('a case opened without them says nothing is masked that was never written', async () => {
    const other = (
      await t.http().post('/api/cases').set(auth(w.users.counsellorA)).send(caseBody(learnerId, {})).expect(201)
    ).body.id;
    const res = (await t.http().get(`/api/cases/${other}`).set(auth(w.users.principalA)).expect(200)).body;
    expect(res).toMatchObject({ familyCircumstances: null, actionsTaken: null, masked: ['summary', 'riskRationale'] });
  });

  const runsOf = async (by: Login, n: string) => readDocx((await getForm(t, by, caseId, n).expect(200)).body).runs;
  const after = (runs: string[], label: string) => runs[runs.indexOf(`${label}: `) + 1];
  const CARER = 'Đỗ Thị Bình (bà ngoại), sinh năm 1955, số điện thoại 0911222333';

  it('Forms 01 and 02 print the parents’ age and occupation, the family circumstances and the carer; Form 01 the actions taken', async () => {
    for (const n of ['01', '02']) {
      const runs = await runsOf(w.users.counsellorA, n);
      // Opened and printed in 2026: the age in whole years of the year of birth.
      expect({
        n,
        printed: [
          'Tuổi của cha',
          'Nghề nghiệp của cha',
          'Tuổi của mẹ',
          'Nghề nghiệp của mẹ',
          'Hoàn cảnh gia đình',
          'Người đang trực tiếp chăm sóc người học',
        ].map((l) => after(runs, l)),
      }).toEqual({ n, printed: ['46', 'Thợ xây dựng', '42', 'Buôn bán tự do', narrative.familyCircumstances, CARER] });
    }
    expect(after(await runsOf(w.users.counsellorA, '01'), 'Những việc đã làm')).toBe(narrative.actionsTaken);
  });

  it('Form 04 prints the current carer with their year of birth, and the supervisor who approved the closure', async () => {
    let c = (await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.counsellorA)).expect(200)).body;
    c = await move(t, w.users.counsellorA, c, 'START_ASSESSMENT');
    c = await move(t, w.users.counsellorA, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('high'));
    c = await move(t, w.users.counsellorA, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    c = await move(t, w.users.supervisorA, c, 'APPROVE_PLAN', {});
    c = await move(t, w.users.counsellorA, c, 'PROPOSE_CLOSURE', PAYLOADS.closureFull);
    // Proposed, not yet approved: nobody to print.
    expect(after(await runsOf(w.users.counsellorA, '04'), 'Họ và tên người chăm sóc')).toBe('Đỗ Thị Bình');
    const proposed = await runsOf(w.users.counsellorA, '04');
    expect(hasRun(proposed, 'Người dùng supervisorA')).toBe(false);
    await move(t, w.users.supervisorA, c, 'APPROVE_CLOSURE', {});
    const runs = await runsOf(w.users.counsellorA, '04');
    expect(
      ['Họ và tên người chăm sóc', 'Quan hệ với người học', 'Năm sinh', 'Số điện thoại'].map((l) => after(runs, l)),
    ).toEqual(['Đỗ Thị Bình', 'bà ngoại', '1955', '0911222333']);
    // The approver signs beside the practitioner: title, "(Ký, ghi rõ họ tên)", name.
    expect(runs[runs.indexOf('NGƯỜI PHÊ DUYỆT') + 2]).toBe('Người dùng supervisorA');
  });

  it('a print for a reader of no confidential content seals every new field; the approver’s name stays', async () => {
    const secrets = [
      '46',
      'Thợ xây dựng',
      'Buôn bán tự do',
      narrative.familyCircumstances,
      narrative.actionsTaken,
      'Đỗ Thị Bình',
      '1955',
      '0911222333',
    ];
    for (const n of ['01', '02', '04']) {
      const runs = await runsOf(w.users.principalA, n);
      // A short one (an age, a year) only as a value of its own; a long one anywhere.
      expect({ n, leaked: secrets.filter((s) => (s.length > 4 ? hasRun(runs, s) : runs.includes(s))) }).toEqual({
        n,
        leaked: [],
      });
    }
    const form01 = await runsOf(w.users.principalA, '01');
    expect(
      [
        'Tuổi của cha',
        'Nghề nghiệp của mẹ',
        'Hoàn cảnh gia đình',
        'Người đang trực tiếp chăm sóc người học',
        'Những việc đã làm',
      ].map((l) => after(form01, l)),
    ).toEqual(Array(5).fill('(Nội dung bảo mật)'));
    const form04 = await runsOf(w.users.principalA, '04');
    expect(after(form04, 'Năm sinh')).toBe('(Nội dung bảo mật)');
    expect(form04).toContain('Người dùng supervisorA');
  });

  it('what a form printed is named in its FORM_GENERATED event', async () => {
    await getForm(t, w.users.supervisorA, caseId, '01').expect(200);
    const last = (
      await pg.query(
        `SELECT payload FROM audit_event WHERE case_id = $1 AND type = 'FORM_GENERATED' ORDER BY seq DESC LIMIT 1`,
        [caseId],
      )
    ).rows[0];
    expect(last.payload.fields).toEqual(['actionsTaken', 'familyCircumstances', 'learner.guardians', 'summary']);
  });
});

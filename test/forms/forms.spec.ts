import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFormTemplates } from '@dh/forms';
import { auth, buildWorld, World } from '../support/fixtures';
import { getForm, hasRun, labelsOf, readDocx, tablesOf } from '../support/docx';
import { historyOf, move, openCase, PAYLOADS, prepareReferral } from '../support/case-helpers';
import { pdfOf, upload } from '../attachments/attachment-helpers';
import { report as postReport } from '../support/intake-helpers';
import { startTestApp, TestApp } from '../support/test-app';

const TEMPLATES = loadFormTemplates(join(__dirname, '../../config/forms'));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const missing = (runs: string[], texts: string[]) => texts.filter((text) => !hasRun(runs, text));

describe('Forms 01–04 as Word documents', () => {
  let t: TestApp;
  let w: World;
  let full: { id: string; code: string };

  const openFullCase = async () => {
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        fullName: 'Nguyễn Thị Ánh Tuyết',
        dateOfBirth: '2013-05-14',
        sex: 'nu',
        className: '7A3',
        confirmDistinct: true,
        guardians: [
          { fullName: 'Nguyễn Văn Đức', relationship: 'Bố', phone: '0912345678' },
          { fullName: 'Lê Thị Hồng Nhung', relationship: 'mẹ' },
        ],
      })
      .expect(201);
    const res = await t
      .http()
      .post('/api/cases')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        learnerId: learner.body.id,
        areas: [
          { code: 'tam_ly', priority: 1 },
          { code: 'gioi_quan_he', priority: 2 },
        ],
        channel: 'cha_me',
        summary: 'Mẹ em cho biết em bị bạn cùng lớp chế giễu & đe dọa trên mạng xã hội, em sợ đến trường.',
        riskLevel: 'high',
        riskRationale: 'Có dấu hiệu bắt nạt kéo dài.',
        reporter: { anonymous: false, name: 'Lê Thị Hồng Nhung', phone: '0987654321', relationship: 'Mẹ của học sinh' },
      })
      .expect(201);
    return { id: res.body.id as string, code: res.body.code as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    full = await openFullCase();
  });
  afterAll(() => t.close());

  it('Form 01 for a case with its intake: every label and every recorded value, with diacritics', async () => {
    const res = await getForm(t, w.users.supervisorA, full.id, '01').expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Mau-01-${full.code}.docx"`);
    const { runs } = readDocx(res.body);
    expect(missing(runs, labelsOf(TEMPLATES.get('01')!))).toEqual([]);
    expect(
      missing(runs, [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'TRƯỜNG THCS THỬ NGHIỆM A',
        'PHIẾU TIẾP NHẬN THÔNG TIN',
        full.code,
        '09 giờ 00, ngày 02/03/2026',
        '☒ Cha mẹ, người giám hộ',
        'Nguyễn Thị Ánh Tuyết',
        '14/05/2013',
        '☒ Nữ',
        '7A3',
        'Nguyễn Văn Đức',
        'Lê Thị Hồng Nhung',
        '☒ Tâm lý',
        '☒ Giới và quan hệ xã hội',
        '☒ Cao',
        'Mẹ em cho biết em bị bạn cùng lớp chế giễu & đe dọa trên mạng xã hội, em sợ đến trường.',
        // Who reported: read by the supervisor, so printed.
        'Mẹ của học sinh',
        '0987654321',
        // The receiving officer, signing under the place and the day of receipt.
        'Người dùng counsellorA',
        'Phường Thử Nghiệm, ngày 02 tháng 03 năm 2026',
        '(Ký, ghi rõ họ tên)',
      ]),
    ).toEqual([]);
  });

  it('Forms 02 and 04 for a case with its assessment, sessions and closure: every label and every recorded value', async () => {
    const c = {
      id: full.id,
      version: (await t.http().get(`/api/cases/${full.id}`).set(auth(w.users.supervisorA)).expect(200)).body.version,
    };
    let now = await move(t, w.users.counsellorA, c, 'START_ASSESSMENT');
    now = await move(t, w.users.counsellorA, now, 'COMPLETE_ASSESSMENT', PAYLOADS.assessmentFull('high'));
    await t
      .http()
      .post(`/api/cases/${full.id}/sessions`)
      .set(auth(w.users.counsellorA))
      .send(PAYLOADS.session)
      .expect(201);
    await t
      .http()
      .post(`/api/cases/${full.id}/sessions`)
      .set(auth(w.users.counsellorA))
      .send({
        mode: 'truc_tuyen',
        channel: 'zalo',
        startedAt: '2026-03-02T08:50:00+07:00',
        minutes: 20,
        methods: ['Trò chuyện trực tuyến'],
        evaluation: 'Em bình tĩnh hơn sau khi trò chuyện.',
        ending: 'chuyen_gui',
        referTo: 'Phòng khám tâm lý Bệnh viện Đống Đa',
      })
      .expect(201);
    now = (await t.http().get(`/api/cases/${full.id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    now = await move(t, w.users.counsellorA, now, 'SUBMIT_PLAN', PAYLOADS.planFull);
    now = await move(t, w.users.supervisorA, now, 'APPROVE_PLAN', {});
    now = await move(t, w.users.counsellorA, now, 'PROPOSE_CLOSURE', PAYLOADS.closureFull);
    await move(t, w.users.supervisorA, now, 'APPROVE_CLOSURE', {});

    const form02 = readDocx((await getForm(t, w.users.supervisorA, full.id, '2').expect(200)).body).runs;
    expect(missing(form02, labelsOf(TEMPLATES.get('02')!))).toEqual([]);
    const assessment = PAYLOADS.assessmentFull('high');
    expect(
      missing(form02, [
        'NHẬT KÝ THỰC HIỆN CÔNG TÁC TƯ VẤN HỌC ĐƯỜNG VÀ CÔNG TÁC XÃ HỘI CHO NGƯỜI HỌC',
        full.code,
        'Nguyễn Thị Ánh Tuyết',
        'Nguyễn Văn Đức',
        assessment.difficulties,
        assessment.needs,
        assessment.wishes,
        assessment.facts,
        assessment.preliminaryView,
        '☒ Cao',
        // The first session in person, the second online, in the order they happened.
        '08 giờ 30, ngày 02/03/2026',
        'Trực tiếp',
        PAYLOADS.session.place,
        '45',
        'Lắng nghe tích cực; Tham vấn nhận thức – hành vi',
        PAYLOADS.session.evaluation,
        'Tiếp tục',
        '08 giờ 50, ngày 02/03/2026',
        '08 giờ 30, ngày 09/03/2026',
        'Trực tuyến',
        'Zalo',
        '20',
        'Trò chuyện trực tuyến',
        'Em bình tĩnh hơn sau khi trò chuyện.',
        'Chuyển gửi',
        // Where the latest session left it, and who signs.
        '☒ Chuyển gửi đến: Phòng khám tâm lý Bệnh viện Đống Đa',
        'Người dùng counsellorA',
      ]),
    ).toEqual([]);
    // The ranking of the assessment: Tâm lý 1, Giới và quan hệ xã hội 2, Học tập 3.
    const rankOf = (area: string) => form02[form02.indexOf(area) + 1];
    expect([rankOf('Tâm lý'), rankOf('Giới và quan hệ xã hội'), rankOf('Học tập'), rankOf('Kỹ năng sống')]).toEqual([
      '1',
      '2',
      '3',
      '…………',
    ]);

    const form04 = readDocx((await getForm(t, w.users.supervisorA, full.id, '04').expect(200)).body).runs;
    expect(missing(form04, labelsOf(TEMPLATES.get('04')!))).toEqual([]);
    const closure = PAYLOADS.closureFull;
    expect(
      missing(form04, [
        'PHIẾU KẾT THÚC HỖ TRỢ',
        'Nguyễn Thị Ánh Tuyết',
        closure.outcome,
        closure.resultsAchieved,
        closure.resultsNotAchieved,
        closure.reason,
        closure.followUpPlan,
        // Opened and closed on the test's day; the carer is the first of the family; the practitioner signs under the day of closure.
        'Ngày bắt đầu hỗ trợ: ',
        '02/03/2026',
        'Nguyễn Văn Đức',
        'Bố',
        '0912345678',
        'Người dùng counsellorA',
        'Phường Thử Nghiệm, ngày 02 tháng 03 năm 2026',
      ]),
    ).toEqual([]);
    const generated = (await historyOf(t, w.users.supervisorA, full.id))
      .filter((e) => e.type === 'FORM_GENERATED')
      .map((e) => e.payload);
    expect(generated.slice(-2)).toEqual([
      expect.objectContaining({
        form: '02',
        fields: expect.arrayContaining(['assessment.difficulties', 'session.evaluation', 'learner.guardians']),
      }),
      expect.objectContaining({
        form: '04',
        fields: expect.arrayContaining(['closure.resultsAchieved', 'closure.followUpPlan']),
      }),
    ]);
  });

  it('1 and 01 are the same form; anything else is a 400 naming n', async () => {
    expect(readDocx((await getForm(t, w.users.supervisorA, full.id, '1').expect(200)).body).runs).toContain(
      'PHIẾU TIẾP NHẬN THÔNG TIN',
    );
    for (const n of ['5', '00', '001', 'x', '1.0']) {
      const res = await t.http().get(`/api/cases/${full.id}/forms/${n}`).set(auth(w.users.supervisorA)).expect(400);
      expect(res.body.details.map((f: { field: string }) => f.field)).toEqual(['n']);
    }
    const xlsx = await t
      .http()
      .get(`/api/cases/${full.id}/forms/1`)
      .query({ format: 'xlsx' })
      .set(auth(w.users.supervisorA))
      .expect(400);
    expect(xlsx.body.details.map((f: { field: string }) => f.field)).toEqual(['format']);
  });

  it('the counsellor who recorded who reported prints it; another counsellor of the school gets the reporter sealed', async () => {
    const reporterOf = (runs: string[]) => runs[runs.indexOf('Họ và tên người cung cấp thông tin: ') + 1];
    const opener = readDocx((await getForm(t, w.users.counsellorA, full.id, '01').expect(200)).body).runs;
    expect([reporterOf(opener), ...missing(opener, ['Nguyễn Thị Ánh Tuyết', 'Mẹ của học sinh', '0987654321'])]).toEqual(
      ['Lê Thị Hồng Nhung'],
    );
    const other = readDocx((await getForm(t, w.users.counsellorA2, full.id, '01').expect(200)).body).runs;
    expect(reporterOf(other)).toBe('(Nội dung bảo mật)');
    expect(['Mẹ của học sinh', '0987654321'].filter((text) => hasRun(other, text))).toEqual([]);
  });

  it('a fresh case: every form still renders, its blanks dotted like the paper form', async () => {
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        fullName: 'Trần Minh Khôi',
        dateOfBirth: '2014-01-09',
        sex: 'nam',
        className: '6A1',
        confirmDistinct: true,
      })
      .expect(201);
    const fresh = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.body.id,
          areas: [{ code: 'hoc_tap', priority: 1 }],
          channel: 'hom_thu',
          summary: 'Thư góp ý về việc em hay vắng học.',
          riskLevel: 'low',
          riskRationale: 'Chưa có dấu hiệu nguy hiểm.',
        })
        .expect(201)
    ).body;
    for (const n of ['01', '02', '03', '04']) {
      const { runs } = readDocx((await getForm(t, w.users.counsellorA, fresh.id, n).expect(200)).body);
      expect({ n, missing: missing(runs, [...labelsOf(TEMPLATES.get(n as '01')!), 'Trần Minh Khôi']) }).toEqual({
        n,
        missing: [],
      });
      expect({ n, dotted: runs.some((r) => /^…{10,}$/.test(r)) }).toEqual({ n, dotted: true });
    }
  });

  it('a report from the public form, with no learner yet: Form 01 prints what was reported, the learner blank', async () => {
    await postReport(
      t,
      { schoolCode: 'TA', whatIsHappening: 'Em bị anh lớp trên chặn đường đòi tiền mỗi buổi chiều.' },
      202,
    );
    const listed = (
      await t
        .http()
        .get('/api/cases')
        .query({ state: 'intake', pageSize: 100 })
        .set(auth(w.users.supervisorA))
        .expect(200)
    ).body.items;
    const report = listed.find(
      (c: { learnerId: string | null; channel: string }) => c.learnerId === null && c.channel === 'truc_tuyen',
    );
    const { runs } = readDocx((await getForm(t, w.users.supervisorA, report.id, '01').expect(200)).body);
    expect(
      missing(runs, ['Em bị anh lớp trên chặn đường đòi tiền mỗi buổi chiều.', '☒ Trực tuyến', 'Ẩn danh']),
    ).toEqual([]);
    const at = runs.indexOf('Họ và tên người học: ');
    expect(runs[at + 1]).toMatch(/^…+$/);
  });

  it('an inspector or a principal without a grant prints the form with the content sealed, and the print is in the chain; another school’s case is 404', async () => {
    const assessment = PAYLOADS.assessmentFull('high');
    const closure = PAYLOADS.closureFull;
    const sealed = [
      'Mẹ em cho biết em bị bạn cùng lớp chế giễu & đe dọa trên mạng xã hội, em sợ đến trường.',
      'Nguyễn Văn Đức',
      'Lê Thị Hồng Nhung',
      'Mẹ của học sinh',
      '0987654321',
      '0912345678',
      assessment.difficulties,
      assessment.needs,
      assessment.facts,
      PAYLOADS.session.place,
      PAYLOADS.session.evaluation,
      'Lắng nghe tích cực',
      closure.outcome,
      closure.resultsAchieved,
      closure.followUpPlan,
    ];
    for (const who of [w.users.auditorA, w.users.principalA]) {
      const before = (await historyOf(t, w.users.supervisorA, full.id)).length;
      const printed: string[][] = [];
      for (const n of ['01', '02', '04'])
        printed.push(readDocx((await getForm(t, who, full.id, n).expect(200)).body).runs);
      for (const [i, n] of ['01', '02', '04'].entries()) {
        expect({ n, labels: missing(printed[i], labelsOf(TEMPLATES.get(n as '01')!)) }).toEqual({ n, labels: [] });
        // What identifies the record and when things happened stays; what was written about the learner does not.
        expect({ n, shown: missing(printed[i], ['Nguyễn Thị Ánh Tuyết', full.code, '(Nội dung bảo mật)']) }).toEqual({
          n,
          shown: [],
        });
        expect({ n, leaked: sealed.filter((text) => hasRun(printed[i], text)) }).toEqual({ n, leaked: [] });
      }
      expect(
        missing(printed[1], ['08 giờ 30, ngày 02/03/2026', 'Trực tiếp', '45', 'Trực tuyến', 'Zalo', '☒ Cao']),
      ).toEqual([]);
      const after = (await historyOf(t, w.users.supervisorA, full.id))
        .slice(before)
        .filter((e) => e.type === 'FORM_GENERATED');
      expect(after.map((e) => [e.actorId, e.payload.form, e.payload.masked, e.payload.fields])).toEqual(
        ['01', '02', '04'].map((n) => [who.id, n, true, []]),
      );
    }
    for (const who of [w.users.supervisorB, w.users.counsellorB, w.users.wardW, w.users.adminW])
      await getForm(t, who, full.id, '01').expect(404);
  });

  it('each generation is in the case’s history: which form, which version, what it printed, who', async () => {
    await getForm(t, w.users.supervisorA, full.id, '01').expect(200);
    const generated = (await historyOf(t, w.users.supervisorA, full.id)).filter((e) => e.type === 'FORM_GENERATED');
    expect(generated.at(-1)).toMatchObject({
      actorId: w.users.supervisorA.id,
      actorRole: 'supervisor',
      payload: { form: '01', version: 1, fields: ['learner.guardians', 'reporter', 'summary'], role: 'supervisor' },
    });
    const verify = await t
      .http()
      .get(`/api/cases/${full.id}/history/verify`)
      .set(auth(w.users.supervisorA))
      .expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('a template a ward broke stops the start, naming FORMS_DIR, the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dh-forms-'));
    try {
      cpSync(join(__dirname, '../../config/forms'), dir, { recursive: true });
      const v2 = JSON.parse(readFileSync(join(dir, 'mau-04.v1.json'), 'utf8'));
      v2.version = 2;
      v2.sections[1].fields[2].key = 'results.achived';
      writeFileSync(join(dir, 'mau-04.v2.json'), JSON.stringify(v2));
      await expect(startTestApp({ FORMS_DIR: dir }, { database: t.db })).rejects.toThrow(
        /FORMS_DIR .*mau-04\.v2\.json: sections\[1\]\.fields\[2\] \("results\.achived"\)\.key: "results\.achived" is not a key this form fills/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every form lists the case’s files after its own sections, each with its record; captions only for readers of the content', async () => {
    const c = await openFullCase();
    const by = w.users.counsellorA;
    const version = (await t.http().get(`/api/cases/${c.id}`).set(auth(by)).expect(200)).body.version;
    await move(t, by, { id: c.id, version }, 'START_ASSESSMENT');
    const session = (
      await t.http().post(`/api/cases/${c.id}/sessions`).set(auth(by)).send(PAYLOADS.session).expect(201)
    ).body;
    const caption = 'Phiếu đồng ý tham vấn có chữ ký của mẹ em';
    await upload(t, by, c.id, pdfOf(3000, 'ky'), 'phieu.pdf', { caption, recordId: session.id }).expect(201);
    const wrong = (await upload(t, by, c.id, pdfOf(3000, 'nham'), 'nham.pdf', { caption: 'Tải nhầm' }).expect(201))
      .body;
    await t
      .http()
      .post(`/api/cases/${c.id}/attachments/${wrong.id}/withdraw`)
      .set(auth(by))
      .send({ reason: 'Tệp của hồ sơ khác' })
      .expect(201);

    for (const n of ['01', '02', '03', '04']) {
      const { runs } = readDocx((await getForm(t, by, c.id, n).expect(200)).body);
      expect([
        n,
        missing(runs, ['TÀI LIỆU ĐÍNH KÈM', 'Buổi tư vấn', 'Hồ sơ (chung)', caption, 'Tải nhầm', 'Đang lưu']),
      ]).toEqual([n, []]);
      expect(runs.some((r) => r.startsWith('Đã rút ngày '))).toBe(true);
    }
    const masked = readDocx((await getForm(t, w.users.principalA, c.id, '02').expect(200)).body).runs;
    expect(missing(masked, ['TÀI LIỆU ĐÍNH KÈM', 'Tệp PDF', '(Nội dung bảo mật)'])).toEqual([]);
    expect([caption, 'Tải nhầm', 'Hồ sơ (chung)'].filter((text) => hasRun(masked, text))).toEqual([]);
    // What the team's print opened is named in its FORM_GENERATED event.
    const printed = (await historyOf(t, w.users.auditorA, c.id)).filter((e) => e.type === 'FORM_GENERATED');
    expect(printed[0].payload).toMatchObject({
      form: '01',
      masked: false,
      fields: expect.arrayContaining(['attachments']),
    });
    expect(printed.at(-1)?.payload).toMatchObject({ form: '02', masked: true, fields: [] });
  });

  it('a file attached to a referral is listed as the referral’s, not as the whole case’s', async () => {
    const by = w.users.counsellorA;
    let c = await openCase(t, w, { by });
    c = await move(t, by, c, 'START_ASSESSMENT');
    c = await move(t, by, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessmentFull());
    c = await move(t, w.users.supervisorA, c, 'SUBMIT_PLAN', PAYLOADS.planFull);
    const { payload } = await prepareReferral(t, w, c, { by });
    c = await move(t, by, c, 'REFER', payload);
    const [referral] = (await t.http().get(`/api/cases/${c.id}/referrals`).set(auth(by)).expect(200)).body.items;
    await upload(t, by, c.id, pdfOf(3000, 'phieu'), 'phieu.pdf', {
      caption: 'Phiếu chuyển gửi có dấu của trường',
      recordId: referral.id,
    }).expect(201);
    const { xml } = readDocx((await getForm(t, by, c.id, '01').expect(200)).body);
    const listed = tablesOf(xml)
      .at(-1)
      ?.rows.find((r) => r.some((cell) => cell.includes('Phiếu chuyển gửi có dấu')));
    expect(listed?.[0]).toBe('Chuyển gửi');
  });
});

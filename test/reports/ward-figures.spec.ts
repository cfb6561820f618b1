import { UserService } from '@dh/identity';
import { auth, Login, loginOf, PASSWORD, World } from '../support/fixtures';
import { CaseBody, createLearner, move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
const STAGES = ['intake', 'assessment', 'planning', 'planReview', 'monitoring', 'closureReview', 'referral'];
const AREAS = [
  'hoc_tap',
  'gioi_quan_he',
  'tam_ly',
  'ky_nang_song',
  'huong_nghiep',
  'chinh_sach_phap_luat',
  'dich_vu_ctxh',
];
const CHANNELS = ['truc_tiep', 'giao_vien', 'cha_me', 'hom_thu', 'duong_day_nong', 'truc_tuyen', 'co_quan'];
const RISKS = ['low', 'medium', 'high', 'critical'];

describe('ward figures: counts per school, nothing that names a learner or a case, small cells masked for the ward', () => {
  let t: TestApp;
  let w: World;
  let otherWardOfficer: Login;
  const opened: CaseBody[] = [];
  const names: string[] = [];
  const figures = (who: Login, query: Record<string, string> = {}) =>
    t.http().get('/api/reports/ward/cases').query(query).set(auth(who));

  // School A: five open cases at intake, one high-risk in assessment, one closed this school year and one the
  // year before. School B: five open cases of only two learners.
  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w } = world);
    const users = t.app.get(UserService);
    const ward = await users.createWard('W2', 'Phường Bên Cạnh');
    await users.createSchool(ward.id, 'TC', 'Trường THCS Phường Bên Cạnh');
    otherWardOfficer = loginOf(
      t.app,
      await users.createUser({
        username: 'vhxh.w2',
        fullName: 'Cán bộ phường khác',
        password: PASSWORD,
        roles: ['ward_officer'],
        wardId: ward.id,
      }),
    );

    t.clock.set('2025-05-20T09:00:00+07:00');
    const lastYear = await openCase(t, w);
    opened.push(await move(t, w.users.counsellorA, lastYear, 'CLOSE_AT_INTAKE', { reason: 'Đã giải quyết.' }));
    t.clock.set('2026-03-02T09:00:00+07:00');
    for (let i = 0; i < 5; i++) opened.push(await openCase(t, w));
    const high = await openCase(t, w, { riskLevel: 'high' });
    opened.push(await move(t, w.users.counsellorA, high, 'START_ASSESSMENT'));
    const closing = await openCase(t, w);
    opened.push(
      await move(t, w.users.counsellorA, closing, 'CLOSE_AT_INTAKE', { reason: 'Thông tin không chính xác.' }),
    );

    const tvB = w.users.counsellorB;
    const learners = [
      await createLearner(t, tvB, w.schoolB, 'Nguyễn Văn Bình'),
      await createLearner(t, tvB, w.schoolB, 'Trần Thị Cúc'),
    ];
    names.push('Nguyễn Văn Bình', 'Trần Thị Cúc');
    for (const [i, learner] of [0, 0, 0, 1, 1].map((k, i) => [i, learners[k]] as const)) {
      const res = await t
        .http()
        .post('/api/cases')
        .set(auth(tvB))
        .send({
          schoolId: w.schoolB,
          learnerId: learner.id,
          areas: [{ code: 'ky_nang_song', priority: 1 }],
          channel: 'hom_thu',
          summary: `Thư góp ý số ${i} kể chuyện em bị bắt nạt.`,
          riskLevel: 'low',
          riskRationale: 'Chưa có dấu hiệu nguy hiểm.',
        })
        .expect(201);
      opened.push(res.body);
    }
  });

  const schoolA = (masked: boolean) => ({
    schoolId: w.schoolA,
    code: 'TA',
    name: 'Trường THCS Thử Nghiệm A',
    masked,
    open: {
      total: 6,
      // The five beside the one are hidden too, or 6 − 5 would give the one away (ward-suppression.spec.ts).
      byStage: { ...zeros(STAGES), intake: masked ? '<5' : 5, assessment: masked ? '<5' : 1 },
      byRisk: { ...zeros(RISKS), medium: masked ? '<5' : 5, high: masked ? '<5' : 1 },
      byArea: { ...zeros(AREAS), tam_ly: 6, hoc_tap: 6 },
      byChannel: { ...zeros(CHANNELS), giao_vien: 6 },
    },
    closedThisSchoolYear: masked ? '<5' : 1,
  });
  const schoolB = (masked: boolean) => ({
    schoolId: w.schoolB,
    code: 'TB',
    name: 'Trường Tiểu học Thử Nghiệm B',
    masked,
    open: {
      // Five cases, but of two learners: still fewer than five learners, so masked for the ward.
      total: masked ? '<5' : 5,
      byStage: { ...zeros(STAGES), intake: masked ? '<5' : 5 },
      byRisk: { ...zeros(RISKS), low: masked ? '<5' : 5 },
      byArea: { ...zeros(AREAS), ky_nang_song: masked ? '<5' : 5 },
      byChannel: { ...zeros(CHANNELS), hom_thu: masked ? '<5' : 5 },
    },
    closedThisSchoolYear: 0,
  });

  it('gives the ward officer every school of the ward, cells of one to four learners and their complements "<5"', async () => {
    const res = await figures(w.users.wardW).expect(200);
    expect(res.body).toEqual({
      schoolYear: '2025-2026',
      from: '2025-07-31T17:00:00.000Z',
      asOf: t.clock.now().toISOString(),
      schools: [schoolA(true), schoolB(true)],
    });
    expect((await figures(w.users.wardW, { schoolId: w.schoolB }).expect(200)).body.schools).toEqual([schoolB(true)]);
  });

  it('holds no learner, no name, no case id or number, nothing written about a case', async () => {
    const json = JSON.stringify((await figures(w.users.wardW).expect(200)).body);
    const secrets = [
      ...opened.flatMap((c) => [c.id, String(c.code), String(c.learnerId)]),
      ...names,
      'bắt nạt',
      'buồn bã',
      'learnerId',
      'summary',
      'DD-',
      'TA-2026',
      'TB-2026',
    ];
    expect(secrets.filter((s) => json.includes(s))).toEqual([]);
  });

  it('gives a principal or supervisor their own school, counted exactly; another school is 404', async () => {
    for (const who of [w.users.principalA, w.users.supervisorA]) {
      expect((await figures(who).expect(200)).body.schools).toEqual([schoolA(false)]);
      expect((await figures(who, { schoolId: w.schoolA }).expect(200)).body.schools).toEqual([schoolA(false)]);
      await figures(who, { schoolId: w.schoolB }).expect(404);
    }
    expect((await figures(w.users.principalB, { schoolId: w.schoolB }).expect(200)).body.schools).toEqual([
      schoolB(false),
    ]);
  });

  it('refuses everybody else with 403, another ward’s school and an unknown one with 404, a malformed id with 400', async () => {
    for (const who of [w.users.counsellorA, w.users.auditorA, w.users.adminW]) {
      await figures(who).expect(403);
      await figures(who, { schoolId: w.schoolA }).expect(403);
    }
    await figures(otherWardOfficer, { schoolId: w.schoolA }).expect(404);
    const own = (await figures(otherWardOfficer).expect(200)).body.schools;
    expect(own.map((s: { code: string }) => s.code)).toEqual(['TC']);
    await figures(w.users.wardW, { schoolId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect((await figures(w.users.wardW, { schoolId: 'truong-a' }).expect(400)).body.details[0].field).toBe('schoolId');
  });
});

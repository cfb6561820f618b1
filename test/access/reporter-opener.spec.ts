import { Client } from 'pg';
import { auth, World } from '../support/fixtures';
import { getForm, readDocx } from '../support/docx';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const NAME_LABEL = 'Họ và tên người cung cấp thông tin';
const REPORTER = {
  anonymous: false,
  name: 'Đặng Thị Người Báo',
  phone: '0934111222',
  relationship: 'Cô giáo chủ nhiệm',
};

// The counsellor who recorded who reported already knows it: they read it back and print it, as the supervisors
// do; every other counsellor of the school still may not. A masked print says the block was filled, not by whom.
describe('who reported, read back by the counsellor who recorded it', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  let caseId: string;

  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w, pg } = world);
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        fullName: 'Vũ Minh Châu',
        dateOfBirth: '2012-06-06',
        sex: 'nu',
        className: '8B',
        confirmDistinct: true,
      })
      .expect(201);
    caseId = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.body.id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Cô chủ nhiệm thấy em hay khóc trong giờ.',
          riskLevel: 'medium',
          riskRationale: 'Cần tìm hiểu.',
          reporter: REPORTER,
        })
        .expect(201)
    ).body.id;
  });

  it('the opener reads the reporter back, the read a VIEWED event; another counsellor of the school is still refused', async () => {
    const seen = await t.http().get(`/api/cases/${caseId}/reporter`).set(auth(w.users.counsellorA)).expect(200);
    expect(seen.body.reporter).toEqual({ ...REPORTER, contact: null });
    const viewed = (
      await pg.query(`SELECT actor_id, payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED'`, [caseId])
    ).rows;
    expect(viewed).toEqual([
      { actor_id: w.users.counsellorA.id, payload: { fields: ['reporter'], role: 'counsellor' } },
    ]);
    const other = await t.http().get(`/api/cases/${caseId}/reporter`).set(auth(w.users.counsellorA2));
    expect([other.status, other.body.reporter]).toEqual([403, undefined]);
    expect(
      (await pg.query(`SELECT count(*)::int AS n FROM audit_event WHERE case_id = $1 AND type = 'VIEWED'`, [caseId]))
        .rows[0].n,
    ).toBe(1);
  });

  it('Form 01 printed by the opener carries who reported', async () => {
    const { runs } = readDocx((await getForm(t, w.users.counsellorA, caseId, '01').expect(200)).body);
    expect(runs[runs.indexOf(`${NAME_LABEL}: `) + 1]).toBe(REPORTER.name);
    expect(runs).toEqual(expect.arrayContaining([REPORTER.phone, REPORTER.relationship]));
  });

  it('a masked Form 01 (an inspector, a principal without a grant) says "(Nội dung bảo mật)" in the reporter block, not the name', async () => {
    for (const who of [w.users.auditorA, w.users.principalA]) {
      const { runs } = readDocx((await getForm(t, who, caseId, '01').expect(200)).body);
      expect(runs[runs.indexOf(`${NAME_LABEL}: `) + 1]).toBe('(Nội dung bảo mật)');
      expect(
        runs.filter((r) => [REPORTER.name, REPORTER.phone, REPORTER.relationship].some((s) => r.includes(s))),
      ).toEqual([]);
    }
  });
});

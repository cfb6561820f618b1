import { auth, Login, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { Client } from 'pg';

type LearnerItem = { id: string; fullName: string; guardians: unknown; masked: string[] };

// Issue 12, point 3: a learner's family (guardians: names, relationship, phone) is confidential content
// (Decree 56 Art. 33). It goes to the case team of one of the learner's cases and to the school's supervisors,
// each read written down: a VIEWED event on that case, or, for a learner with no case, an event of the admin chain.
describe('family details in the learner search', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const family = [{ fullName: 'Trịnh Văn Phụ Huynh', relationship: 'bố', phone: '0987654321' }];
  const ids = {} as Record<'withCase' | 'noCase', string>;
  let caseId: string;

  beforeAll(async () => {
    const add = async (fullName: string) =>
      (
        await t
          .http()
          .post('/api/learners')
          .set(auth(w.users.counsellorA))
          .send({
            schoolId: w.schoolA,
            fullName,
            dateOfBirth: '2012-10-10',
            sex: 'nam',
            className: '8A5',
            guardians: family,
          })
          .expect(201)
      ).body.id as string;
    ids.withCase = await add('Trịnh Gia Bảo Mật');
    ids.noCase = await add('Trịnh Gia Chưa Hồ Sơ');
    // Opened by counsellorA, so assigned to them: counsellorA is the case team, counsellorA2 is not.
    caseId = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: ids.withCase,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Em hay buồn.',
          riskLevel: 'low',
          riskRationale: 'Ban đầu.',
        })
        .expect(201)
    ).body.id;
  });

  const search = async (by: Login): Promise<Record<'withCase' | 'noCase', LearnerItem>> => {
    const items: LearnerItem[] = (
      await t.http().get('/api/learners').query({ q: 'trinh gia' }).set(auth(by)).expect(200)
    ).body.items;
    const of = (id: string) => items.find((i) => i.id === id) as LearnerItem;
    return { withCase: of(ids.withCase), noCase: of(ids.noCase) };
  };
  const viewed = async () =>
    (
      await pg.query(`SELECT actor_id, payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED' ORDER BY seq`, [
        caseId,
      ])
    ).rows;
  const accessLog = async () =>
    (
      await pg.query(
        `SELECT type, actor_id, actor_role, subject_id, payload FROM admin_audit_event WHERE type = 'LEARNER_FAMILY_VIEWED' ORDER BY seq`,
      )
    ).rows;

  it('masks the family from a counsellor who is not on any of the learner’s cases, and from the principal, writing nothing', async () => {
    for (const who of [w.users.counsellorA2, w.users.principalA]) {
      const found = await search(who);
      expect(found.withCase).toMatchObject({ guardians: null, masked: ['guardians'] });
      expect(found.noCase).toMatchObject({ guardians: null, masked: ['guardians'] });
    }
    expect(await viewed()).toEqual([]);
    expect(await accessLog()).toEqual([]);
  });

  it('shows the family to the case team, each read a VIEWED event of that case', async () => {
    const found = await search(w.users.counsellorA);
    expect(found.withCase).toMatchObject({ guardians: family, masked: [] });
    // No case, so no case team: only the school's supervisors read this family.
    expect(found.noCase).toMatchObject({ guardians: null, masked: ['guardians'] });
    expect(await viewed()).toEqual([
      { actor_id: w.users.counsellorA.id, payload: { fields: ['learner.guardians'], role: 'counsellor' } },
    ]);
    expect(await accessLog()).toEqual([]);
  });

  it('shows the family to a supervisor of the school: a VIEWED event on the case, an access-log event for a learner with no case', async () => {
    const found = await search(w.users.supervisorA);
    expect(found.withCase).toMatchObject({ guardians: family, masked: [] });
    expect(found.noCase).toMatchObject({ guardians: family, masked: [] });
    expect((await viewed()).slice(1)).toEqual([
      { actor_id: w.users.supervisorA.id, payload: { fields: ['learner.guardians'], role: 'supervisor' } },
    ]);
    // The learner's id and who read, never the content.
    expect(await accessLog()).toEqual([
      {
        type: 'LEARNER_FAMILY_VIEWED',
        actor_id: w.users.supervisorA.id,
        actor_role: 'supervisor',
        subject_id: ids.noCase,
        payload: { schoolId: w.schoolA, fields: ['learner.guardians'], role: 'supervisor' },
      },
    ]);
    expect(
      (await t.http().get(`/api/cases/${caseId}/history/verify`).set(auth(w.users.supervisorA)).expect(200)).body.valid,
    ).toBe(true);
    expect((await t.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body.valid).toBe(true);
  });

  it('a supervisor of another school finds neither learner', async () => {
    const items = (
      await t.http().get('/api/learners').query({ q: 'trinh gia' }).set(auth(w.users.supervisorB)).expect(200)
    ).body.items;
    expect(items).toEqual([]);
  });
});

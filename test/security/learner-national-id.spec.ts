import { RosterImportService } from '@dh/learners';
import { auth, Login, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { Client } from 'pg';

type LearnerItem = {
  id: string;
  fullName: string;
  guardians: unknown;
  nationalId: string | null;
  masked: string[];
  leftAt: string | null;
};

// Issue 20, roster import point 3: the national learner ID a roster brought in is shown to those who may read the
// learner's family (the case team, the school's supervisors), masked from everyone else, each read written down
// like the family's; a learner a full roster no longer listed is still found, with the day they left.
describe('the national learner ID and the day a learner left, in the learner search', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const STAYS = { name: 'Đinh Thị Mã Số', id: '001213000123' };
  const LEFT = { name: 'Đinh Văn Rời Trường', id: '001213000124' };
  const ids = {} as Record<'stays' | 'left', string>;
  let caseId: string;

  const importCsv = async (csv: string, fullRoster: boolean) => {
    const s = auth(w.users.supervisorA);
    const up = (
      await t
        .http()
        .post(`/api/schools/${w.schoolA}/roster-imports`)
        .set(s)
        .attach('file', Buffer.from(csv), { filename: 'ds.csv', contentType: 'text/csv' })
        .expect(201)
    ).body as { id: string; mapping: Record<string, string> };
    await t
      .http()
      .post(`/api/schools/${w.schoolA}/roster-imports/${up.id}/confirm`)
      .set(s)
      .send({ mapping: up.mapping, fullRoster })
      .expect(202);
    await t.app.get(RosterImportService).settled(up.id);
  };

  beforeAll(async () => {
    const header = 'Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh,Họ tên cha/mẹ,Số điện thoại';
    const stays = `${STAYS.name},10/10/2012,Nữ,8A5,${STAYS.id},Đinh Văn Bố,0987654321`;
    const left = `${LEFT.name},11/11/2012,Nam,8A5,${LEFT.id},Đinh Thị Mẹ,0987654322`;
    await importCsv([header, stays, left].join('\n'), false);
    // The next year's whole-school roster no longer lists the second one: they left.
    await importCsv([header, stays].join('\n'), true);
    const rows = (await pg.query(`SELECT id, full_name FROM learner WHERE school_id = $1`, [w.schoolA])).rows as {
      id: string;
      full_name: string;
    }[];
    ids.stays = rows.find((r) => r.full_name === STAYS.name)?.id as string;
    ids.left = rows.find((r) => r.full_name === LEFT.name)?.id as string;
    // Opened by counsellorA, so assigned to them: counsellorA is the case team, counsellorA2 is not.
    caseId = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: ids.stays,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Em hay buồn.',
          riskLevel: 'low',
          riskRationale: 'Ban đầu.',
        })
        .expect(201)
    ).body.id;
  });

  const search = async (by: Login): Promise<Record<'stays' | 'left', LearnerItem>> => {
    const res = await t.http().get('/api/learners').query({ q: 'dinh' }).set(auth(by)).expect(200);
    const items = res.body.items as LearnerItem[];
    const of = (id: string) => items.find((i) => i.id === id) as LearnerItem;
    return { stays: of(ids.stays), left: of(ids.left) };
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
        `SELECT actor_id, subject_id, payload FROM admin_audit_event WHERE type = 'LEARNER_FAMILY_VIEWED' ORDER BY seq`,
      )
    ).rows;

  it('finds the learner who left, with the day, and masks both IDs from a counsellor off the case and the principal', async () => {
    for (const who of [w.users.counsellorA2, w.users.principalA]) {
      const found = await search(who);
      expect(found.stays).toMatchObject({ nationalId: null, guardians: null, masked: ['guardians', 'nationalId'] });
      expect(found.left).toMatchObject({ nationalId: null, guardians: null, masked: ['guardians', 'nationalId'] });
      expect(found.stays.leftAt).toBeNull();
      expect(Number.isNaN(Date.parse(found.left.leftAt as string))).toBe(false);
    }
    const sealed = (await pg.query(`SELECT national_code FROM learner WHERE id = $1`, [ids.stays])).rows[0];
    expect(sealed.national_code).toMatch(/^dh1:/);
    expect(await viewed()).toEqual([]);
    expect(await accessLog()).toEqual([]);
  });

  it('shows the ID to the case team, the read a VIEWED event of the case naming it beside the family', async () => {
    const found = await search(w.users.counsellorA);
    expect(found.stays).toMatchObject({ nationalId: STAYS.id, masked: [], leftAt: null });
    expect(found.left).toMatchObject({ nationalId: null, masked: ['guardians', 'nationalId'] });
    expect(await viewed()).toEqual([
      {
        actor_id: w.users.counsellorA.id,
        payload: { fields: ['learner.guardians', 'learner.national_code'], role: 'counsellor' },
      },
    ]);
  });

  it('shows both IDs to a supervisor of the school, the learner who left included, each read recorded', async () => {
    const found = await search(w.users.supervisorA);
    expect(found.stays).toMatchObject({ nationalId: STAYS.id, masked: [] });
    expect(found.left).toMatchObject({ nationalId: LEFT.id, masked: [], leftAt: expect.any(String) });
    expect(await accessLog()).toEqual([
      {
        actor_id: w.users.supervisorA.id,
        subject_id: ids.left,
        payload: { schoolId: w.schoolA, fields: ['learner.guardians', 'learner.national_code'], role: 'supervisor' },
      },
    ]);
    expect((await t.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body.valid).toBe(true);
  });
});

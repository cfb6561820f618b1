import { openCase } from '../support/case-helpers';
import { auth, Login, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('where people work and with whom', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const caseTeam = (by: Login, schoolId: string) => t.http().get(`/api/schools/${schoolId}/case-team`).set(auth(by));

  it('names the caller’s schools for the header', async () => {
    const res = await t.http().get('/api/me/schools').set(auth(w.users.counsellorA)).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: w.schoolA, code: 'TA', name: 'Trường THCS Thử Nghiệm A' }),
    ]);
    const admin = await t.http().get('/api/me/schools').set(auth(w.users.adminW)).expect(200);
    expect(admin.body.items).toEqual([]);
  });

  it('lists the school’s counsellors and supervisors, who can then be assigned a case', async () => {
    const res = await caseTeam(w.users.supervisorA, w.schoolA).expect(200);
    const names = res.body.items.map((m: { id: string }) => m.id);
    expect(names.sort()).toEqual(
      [w.users.counsellorA.id, w.users.counsellorA2.id, w.users.supervisorA.id, w.users.supervisorA2.id].sort(),
    );
    expect(names).not.toContain(w.users.principalA.id);
    // The one the supervisor picks from the list is one the case accepts.
    const c = await openCase(t, w);
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(auth(w.users.supervisorA))
      .send({ type: 'REASSIGN', payload: { assigneeId: w.users.counsellorA2.id }, expectedVersion: c.version })
      .expect(200);
  });

  it('keeps another school’s team and the inspector out', async () => {
    await caseTeam(w.users.supervisorB, w.schoolA).expect(404);
    await caseTeam(w.users.auditorA, w.schoolA).expect(403);
    await caseTeam(w.users.supervisorA, 'not-a-uuid').expect(400);
  });
});

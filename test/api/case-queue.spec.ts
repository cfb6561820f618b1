import { auth, World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// The supervisor's queue: the school's cases nobody has taken yet.
describe('cases without an assignee', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('lists only the caller’s school’s cases without an assignee, and the rest with unassigned=false', async () => {
    // A counsellor's case is theirs; a supervisor's opening names nobody.
    const assigned = await openCase(t, w);
    const unassigned = await openCase(t, w, { by: w.users.supervisorA });
    const otherSchool = await openCase(t, w, { by: w.users.supervisorB, schoolId: w.schoolB });
    expect(assigned.assigneeId).toBe(w.users.counsellorA.id);
    expect(unassigned.assigneeId).toBeNull();
    expect(otherSchool.assigneeId).toBeNull();

    const queue = await t
      .http()
      .get('/api/cases')
      .query({ unassigned: 'true' })
      .set(auth(w.users.supervisorA))
      .expect(200);
    const ids = queue.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(unassigned.id);
    expect(ids).not.toContain(assigned.id);
    expect(ids).not.toContain(otherSchool.id);
    expect(queue.body.items.every((c: { assigneeId: string | null }) => c.assigneeId === null)).toBe(true);
    expect(queue.body.items.every((c: { schoolId: string }) => c.schoolId === w.schoolA)).toBe(true);

    const taken = await t
      .http()
      .get('/api/cases')
      .query({ unassigned: 'false' })
      .set(auth(w.users.supervisorA))
      .expect(200);
    const takenIds = taken.body.items.map((c: { id: string }) => c.id);
    expect(takenIds).toContain(assigned.id);
    expect(takenIds).not.toContain(unassigned.id);
    // The header and the lists name who holds the case, not just that someone does.
    const holder = taken.body.items.find((c: { id: string }) => c.id === assigned.id);
    expect([holder.assigneeName, unassigned.assigneeName]).toEqual(['Người dùng counsellorA', null]);

    await t.http().get('/api/cases').query({ unassigned: 'maybe' }).set(auth(w.users.supervisorA)).expect(400);
  });
});

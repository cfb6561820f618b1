import { auth, Login, World } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// A transition answers with the case as it now stands: the clocks it opened, closed or moved, and who holds it,
// exactly as a fresh read shows them (the answer reuses what it read under the lock only where nothing changed).
describe('the case a transition answers with', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const fresh = async (by: Login, c: CaseBody) =>
    (await t.http().get(`/api/cases/${c.id}`).set(auth(by)).expect(200)).body as CaseBody;
  const shown = (c: CaseBody) => ({
    version: c.version,
    state: c.state,
    deadlines: c.deadlines,
    learnerName: c.learnerName,
    assigneeName: c.assigneeName,
  });

  it('shows the clocks and the assignee a fresh read shows, after every step of a road', async () => {
    const { supervisorA: tt, counsellorA: tv, counsellorA2: tv2 } = w.users;
    t.clock.set('2026-03-02T09:00:00+07:00');
    let c = await openCase(t, w, { by: tt });
    const steps: [Login, string, Record<string, unknown>][] = [
      [tt, 'ASSIGN', { assigneeId: tv.id }],
      [tv, 'ADD_NOTE', { text: 'Gọi điện cho mẹ em.' }],
      [tv, 'START_ASSESSMENT', {}],
      [tv, 'UPDATE_RISK', { riskLevel: 'high', riskRationale: 'Em nói muốn bỏ học.' }],
      [tv, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('high')],
      [tt, 'REASSIGN', { assigneeId: tv2.id }],
      [tv2, 'SUBMIT_PLAN', PAYLOADS.plan],
      [tt, 'APPROVE_PLAN', {}],
    ];
    const seen: string[] = [];
    for (const [by, type, payload] of steps) {
      t.clock.advance(60 * 60 * 1000);
      c = await move(t, by, c, type, payload);
      seen.push(type);
      expect({ after: seen, ...shown(c) }).toEqual({ after: seen, ...shown(await fresh(tt, c)) });
    }
    // The road did move the clocks and the holder, so the comparison above saw them change.
    expect(c.assigneeName).toBe('Người dùng counsellorA2');
    expect(c.deadlines).not.toEqual([]);
  });
});

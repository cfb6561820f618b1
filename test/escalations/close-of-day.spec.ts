import { auth, World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Issue 13, point 16: a working-days deadline ends at 17:00 of the working day its time runs out in,
// not at the time of day the case happened to start.
describe('working-day deadlines end at the close of the day', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('gives an assessment started mid-morning on Monday until 17:00 the next Monday', async () => {
    const { counsellorA: tv } = w.users;
    t.clock.set('2026-03-02T10:15:00+07:00'); // Monday
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    const got = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    expect(got.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'assessment_due', dueAt: '2026-03-09T10:00:00.000Z' }),
    ]);
  });

  it('gives an assessment started mid-afternoon before a holiday until 17:00 of the fifth working day after it', async () => {
    const { counsellorA: tv } = w.users;
    t.clock.set('2026-04-29T14:10:00+07:00'); // Wednesday; 30/4 and 1/5 are off
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    const got = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    // The fifth working day after Wed 29/4 is Fri 8/5 (Mon 4/5 to Fri 8/5).
    expect(got.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'assessment_due', dueAt: '2026-05-08T10:00:00.000Z' }),
    ]);
  });
});

import { auth, World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useEscalationWorld } from '../support/escalation-helpers';

describe('pausing a case’s clocks', () => {
  let t: TestApp;
  let w: World;
  const { world, sweep } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('raises nothing while paused, and moves the deadlines by exactly the paused working time', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    t.clock.set('2026-03-02T09:00:00+07:00');
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT'); // due Mon 9/3 17:00
    const alertsOf = async () =>
      (await t.http().get('/api/alerts').query({ caseId: c.id }).set(auth(tv)).expect(200)).body.items
        .map((a: { level: string }) => a.level)
        .sort();

    t.clock.set('2026-03-04T09:00:00+07:00');
    await t
      .http()
      .post(`/api/cases/${c.id}/clocks/pause`)
      .set(auth(tv))
      .send({ reason: 'Học sinh nằm viện.' })
      .expect(403);
    const paused = await t
      .http()
      .post(`/api/cases/${c.id}/clocks/pause`)
      .set(auth(tt))
      .send({ reason: 'Học sinh nằm viện.' })
      .expect(200);
    expect(paused.body.clocksPausedAt).toBe('2026-03-04T02:00:00.000Z');
    await t.http().post(`/api/cases/${c.id}/clocks/pause`).set(auth(tt)).send({ reason: 'lần nữa' }).expect(409);

    t.clock.set('2026-03-13T09:00:00+07:00'); // well past the original due time
    await sweep();
    expect(await alertsOf()).toEqual([]);
    const during = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
    // Wed 09:00 → Mon 17:00 is 6 working hours on Wednesday and three working days of 7.5 hours, still in the budget.
    expect(during.body.deadlines[0]).toMatchObject({
      paused: true,
      remainingWorkingMs: (6 + 3 * 7.5) * 3600_000,
      level: null,
    });
    const overdueList = await t.http().get('/api/cases').query({ overdue: true }).set(auth(tt)).expect(200);
    expect(overdueList.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);

    t.clock.set('2026-03-16T09:00:00+07:00');
    const resumed = await t
      .http()
      .post(`/api/cases/${c.id}/clocks/resume`)
      .set(auth(tt))
      .send({ note: 'Em đã đi học lại.' })
      .expect(200);
    // Paused eight working days (Wed 4/3 → Mon 16/3): due moves from Mon 9/3 to Thu 19/3, same hour (17:00).
    expect(resumed.body.deadlines[0]).toMatchObject({ dueAt: '2026-03-19T10:00:00.000Z', paused: false });
    await t.http().post(`/api/cases/${c.id}/clocks/resume`).set(auth(tt)).send({}).expect(409);

    t.clock.set('2026-03-18T16:59:00+07:00');
    await sweep();
    expect(await alertsOf()).toEqual([]);
    t.clock.set('2026-03-19T17:00:00+07:00');
    await sweep();
    expect(await alertsOf()).toEqual(['overdue', 'reminder']);

    const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(tt)).expect(200)).body.items;
    expect(history.filter((e: { type: string }) => e.type.startsWith('CLOCKS_'))).toEqual([
      expect.objectContaining({ type: 'CLOCKS_PAUSED', actorId: tt.id, payload: { reason: 'Học sinh nằm viện.' } }),
      expect.objectContaining({
        type: 'CLOCKS_RESUMED',
        actorId: tt.id,
        payload: { pausedSince: '2026-03-04T02:00:00.000Z', pausedWorkingMs: 60 * 3600_000, note: 'Em đã đi học lại.' },
      }),
    ]);
    expect((await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(tt)).expect(200)).body.valid).toBe(true);
  });

  it('starts paused the clocks of a state entered while paused', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    t.clock.set('2026-04-06T09:00:00+07:00');
    let c = await openCase(t, w);
    await t
      .http()
      .post(`/api/cases/${c.id}/clocks/pause`)
      .set(auth(tt))
      .send({ reason: 'Trường đóng cửa do bão.' })
      .expect(200);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    expect((c as unknown as { deadlines: { kind: string; paused: boolean }[] }).deadlines).toEqual([
      expect.objectContaining({ kind: 'assessment_due', paused: true }),
    ]);
  });
});

import { auth, World } from '../support/fixtures';
import { CaseBody, move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useEscalationWorld } from '../support/escalation-helpers';

// Opening at high or critical risk gives first contact until the end of that working day (DOMAIN.md: "same
// day"); raising the risk at intake must give the same, counted from the opening, not from the raise.
describe('raising the risk at intake moves first contact to the same working day', () => {
  let t: TestApp;
  let w: World;
  const { world, sweep, at, deadlineOf, alertLevels: alertsTo } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const firstContact = (c: { id: string }) => deadlineOf(c, 'first_contact');
  const alertLevels = (c: { id: string }) => alertsTo(w.users.counsellorA, c);
  const raise = (c: CaseBody, riskLevel: string) =>
    move(t, w.users.counsellorA, c, 'UPDATE_RISK', { riskLevel, riskRationale: 'Em kể bị bố đánh tối qua.' });

  it('to high: the due time opening at high gives, its overdue alert at that time; lowering again does not loosen it', async () => {
    at('2026-03-02T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    expect(await firstContact(c)).toMatchObject({ dueAt: '2026-03-03T10:00:00.000Z' }); // next working day, at its close
    const openedHigh = await openCase(t, w, { riskLevel: 'high' });
    const sameDay = (await firstContact(openedHigh))?.dueAt;
    expect(sameDay).toBe('2026-03-02T10:00:00.000Z'); // Monday 17:00

    at('2026-03-02T14:00:00+07:00');
    c = await raise(c, 'high');
    expect(await firstContact(c)).toMatchObject({ dueAt: sameDay, paused: false, level: null });

    at('2026-03-02T16:59:00+07:00');
    await sweep();
    expect(await alertLevels(c)).toEqual([]);
    at('2026-03-02T17:00:00+07:00');
    await sweep();
    expect(await alertLevels(c)).toEqual(['overdue']);

    // The concern that made it high was known: a lower risk later gives no time back.
    c = await move(t, w.users.counsellorA, c, 'UPDATE_RISK', {
      riskLevel: 'low',
      riskRationale: 'Gia đình đã đón em về nhà bà.',
    });
    expect(await firstContact(c)).toMatchObject({ dueAt: sameDay });
  });

  it('to critical after hours: first contact was due at the close of the opening day, and the next sweep says so', async () => {
    at('2026-03-09T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    at('2026-03-09T17:30:00+07:00');
    c = await raise(c, 'critical');
    expect(await firstContact(c)).toMatchObject({ dueAt: '2026-03-09T10:00:00.000Z', remainingWorkingMs: 0 });
    at('2026-03-09T17:31:00+07:00');
    await sweep();
    expect(await alertLevels(c)).toContain('overdue');
  });

  it('keeps paused time out: a raise while paused stays paused, and earlier paused time still counts in the case’s favour', async () => {
    const { supervisorA: tt } = w.users;
    const pause = (c: { id: string }) =>
      t
        .http()
        .post(`/api/cases/${c.id}/clocks/pause`)
        .set(auth(tt))
        .send({ reason: 'Trường đóng cửa do bão.' })
        .expect(200);
    const resume = (c: { id: string }) =>
      t.http().post(`/api/cases/${c.id}/clocks/resume`).set(auth(tt)).send({}).expect(200);

    // Raised while paused: Monday 10:00 → 17:00 is five working hours left, counted again on resume.
    at('2026-03-16T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    at('2026-03-16T10:00:00+07:00');
    await pause(c);
    at('2026-03-16T11:00:00+07:00');
    c = await raise(c, 'high');
    expect(await firstContact(c)).toMatchObject({ paused: true, remainingWorkingMs: 5 * 3600_000 });
    at('2026-03-16T17:30:00+07:00');
    await sweep();
    expect(await alertLevels(c)).toEqual([]);
    at('2026-03-17T10:00:00+07:00'); // one working day paused
    await resume(c);
    expect(await firstContact(c)).toMatchObject({ dueAt: '2026-03-17T10:00:00.000Z', paused: false });
    at('2026-03-17T16:59:00+07:00');
    await sweep();
    expect(await alertLevels(c)).toEqual([]);
    at('2026-03-17T17:00:00+07:00');
    await sweep();
    expect(await alertLevels(c)).toEqual(['overdue']);

    // Raised after a pause: the working day paused still moves the same-day due time.
    at('2026-03-23T09:00:00+07:00'); // Monday
    let d = await openCase(t, w);
    at('2026-03-23T10:00:00+07:00');
    await pause(d);
    at('2026-03-24T10:00:00+07:00');
    await resume(d);
    expect(await firstContact(d)).toMatchObject({ dueAt: '2026-03-25T10:00:00.000Z' }); // Tue 17:00 + one working day
    at('2026-03-24T11:00:00+07:00');
    d = await raise(d, 'high');
    expect(await firstContact(d)).toMatchObject({ dueAt: '2026-03-24T10:00:00.000Z' }); // Mon 17:00 + one working day
  });
});

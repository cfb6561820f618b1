import { DataSource } from 'typeorm';
import { ThrottleCounters } from '@dh/identity';
import { buildWorld, World } from '../support/fixtures';
import { report } from '../support/intake-helpers';
import { startTestApp, TestApp } from '../support/test-app';

// Two instances of the server on one database, as behind a load balancer: the throttles count in PostgreSQL,
// so the allowance is the same in total however many instances there are.
describe('the login and public-form throttles hold in total across instances', () => {
  let one: TestApp;
  let two: TestApp;
  let w: World;
  // Each instance has its own test clock: move both together.
  const advance = (ms: number) => {
    one.clock.advance(ms);
    two.clock.set(one.clock.now());
  };

  beforeAll(async () => {
    one = await startTestApp();
    w = await buildWorld(one.app);
    two = await startTestApp({}, { database: one.db });
    two.clock.set(one.clock.now());
  }, 180_000);
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('takes five public reports a minute from one address in total, whichever instance they reach', async () => {
    advance(61 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await report(i % 2 ? two : one, {
        schoolCode: 'TA',
        whatIsHappening: `Tin báo thử số ${i}: bạn bị bắt nạt ở căng tin.`,
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    advance(61_000);
    expect((await report(two, { schoolCode: 'TA', whatIsHappening: 'Một phút sau: tin báo mới.' })).status).toBe(202);
  });

  it('locks out a (user name, address) pair after ten failures in total across both instances', async () => {
    advance(86_400_000);
    const login = (app: TestApp, password: string) =>
      app.http().post('/api/auth/login').send({ username: w.users.counsellorA.username, password });
    for (let i = 0; i < 10; i++) expect((await login(i % 2 ? two : one, 'doan-mo')).status).toBe(401);
    for (const app of [one, two]) {
      const res = await login(app, 'doan-mo');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('60');
    }
  });

  it('forgets counters a day after their window and block have ended, so the table does not grow', async () => {
    const keys = async () =>
      (await one.app.get(DataSource).query(`SELECT key FROM throttle_counter`)).map((r: { key: string }) => r.key);
    // Two hours on, the form's counters (a day older than the login's) ended more than a day ago; the login's are recent.
    advance(2 * 3_600_000);
    await one.app.get(ThrottleCounters).prune();
    expect((await keys()).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^login-pair:/), expect.stringMatching(/^login-seen:/)]),
    );
    expect((await keys()).filter((k: string) => k.startsWith('intake-'))).toEqual([]);
    advance(2 * 24 * 3_600_000); // the longest window (a day) and a day more
    await one.app.get(ThrottleCounters).prune();
    expect(await keys()).toEqual([]);
  });
});

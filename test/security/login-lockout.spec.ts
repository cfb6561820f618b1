import { NestExpressApplication } from '@nestjs/platform-express';
import { auth, PASSWORD, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Each request says where it comes from: the server trusts the loopback proxy's X-Forwarded-For, as an
// operator behind a proxy sets `trust proxy`.
describe('wrong passwords lock out a (user name, address) pair, not the account', () => {
  let t: TestApp;
  let w: World;
  const login = (username: string, password: string, from: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
    (t.app as NestExpressApplication).set('trust proxy', 'loopback');
  });
  beforeEach(() => t.clock.advance(2 * 86_400_000)); // every window and back-off of the test before has passed

  const expect429 = (
    res: { status: number; headers: Record<string, string>; body: { details?: { retryAfterSeconds?: number } } },
    seconds: number,
  ) => {
    expect(res.status).toBe(429);
    expect(res.body.details?.retryAfterSeconds).toBe(seconds);
    expect(res.headers['retry-after']).toBe(String(seconds));
  };

  it('ten wrong passwords from one address lock that address out for the admin, while the admin logs in from their own', async () => {
    for (let i = 0; i < 10; i++) expect((await login('adminw', 'doan-mo', '203.0.113.66')).status).toBe(401);
    const locked = await login('adminw', 'doan-mo', '203.0.113.66');
    expect429(locked, 60);
    expect(locked.body).toMatchObject({
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      message: expect.stringMatching(/quá nhiều lần/),
    });
    expect429(await login('adminw', PASSWORD, '203.0.113.66'), 60);
    // The admin, at the office: no failures from there, so the right password is let in.
    expect((await login('adminw', PASSWORD, '198.51.100.7')).status).toBe(200);
    t.clock.advance(61_000);
    expect((await login('adminw', PASSWORD, '203.0.113.66')).status).toBe(200);
  }, 120_000);

  it('past 50 failures an hour from any addresses, addresses with failures wait, doubling each time; a clean address still gets in', async () => {
    const attackers = [1, 2, 3, 4, 5, 6].map((n) => `203.0.113.${n}`);
    // Five addresses at once, ten rounds: fifty failures, none refused (no pair passes ten).
    for (let i = 0; i < 10; i++) {
      const round = await Promise.all(attackers.slice(0, 5).map((from) => login('supervisora2', 'doan-mo', from)));
      expect(round.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    }
    expect((await login('supervisora2', 'doan-mo', attackers[5])).status).toBe(401); // the 51st failure trips the ceiling
    expect429(await login('supervisora2', 'doan-mo', attackers[0]), 900);
    // Even the right password waits on an address that failed: a guess that happened to be right is no proof.
    expect429(await login('supervisora2', PASSWORD, attackers[5]), 900);
    expect((await login('supervisora2', PASSWORD, '198.51.100.8')).status).toBe(200);
    // The block passes; the next failure in the same hour trips it again, for twice as long.
    t.clock.advance(901_000);
    expect((await login('supervisora2', 'doan-mo', attackers[1])).status).toBe(401);
    expect429(await login('supervisora2', 'doan-mo', attackers[2]), 1800);
    expect((await login('supervisora2', PASSWORD, '198.51.100.9')).status).toBe(200);
  }, 180_000);

  it('a right password resets its own pair: failures then success do not add up to a lockout', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) expect((await login('principala', 'go-nham', '198.51.100.20')).status).toBe(401);
      expect((await login('principala', PASSWORD, '198.51.100.20')).status).toBe(200);
    }
  }, 120_000);

  it('guessing the current password at POST /api/me/password is throttled like the login, and counts with it', async () => {
    const me = w.users.counsellorA2;
    const change = (currentPassword: string, from: string) =>
      t
        .http()
        .post('/api/me/password')
        .set(auth(me))
        .set('X-Forwarded-For', from)
        .send({ currentPassword, newPassword: 'mat-khau-moi-456' });
    for (let i = 0; i < 10; i++) expect((await change('doan-thu', '203.0.113.77')).status).toBe(422);
    const locked = await change('doan-thu', '203.0.113.77');
    expect429(locked, 60);
    expect(locked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect429(await change(PASSWORD, '203.0.113.77'), 60);
    // The same counters as the login: that address is locked out of this user's login as well.
    expect429(await login('counsellora2', PASSWORD, '203.0.113.77'), 60);
    t.clock.advance(61_000);
    await change(PASSWORD, '203.0.113.77').expect(204);
  }, 120_000);
});

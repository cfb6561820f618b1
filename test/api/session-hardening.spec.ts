import { PASSWORD, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('login and session hardening', () => {
  let t: TestApp;
  let w: World;
  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

  const world = useTestWorld({ JWT_EXPIRES_IN_SECONDS: '3600' });
  beforeAll(() => {
    ({ t, w } = world);
  });

  // All from one address (the test client's): the lockout is per (user name, address); test/security/login-lockout.spec.ts
  // shows that other addresses are not locked out.
  it('refuses the eleventh wrong password in a minute from one address with 429, and the right one from there too until the window passes', async () => {
    t.clock.advance(120_000); // past the logins of buildWorld
    for (let i = 0; i < 10; i++) expect((await login('counsellora2', 'sai-mat-khau')).status).toBe(401);
    const eleventh = await login('counsellora2', 'sai-mat-khau');
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({
      statusCode: 429,
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      details: { retryAfterSeconds: 60 },
    });
    expect(eleventh.body.message).toMatch(/quá nhiều lần/);
    expect(eleventh.headers['retry-after']).toBe('60');
    expect((await login('counsellora2', PASSWORD)).status).toBe(429);
    // Another user is not blocked by this one's attempts.
    expect((await login('supervisora', PASSWORD)).status).toBe(200);
    t.clock.advance(61_000);
    expect((await login('counsellora2', PASSWORD)).status).toBe(200);
  });

  it('limits one address to thirty attempts a minute, whatever the user names', async () => {
    t.clock.advance(120_000);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await login(`khong-ton-tai-${i}`, 'x')).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    t.clock.advance(61_000);
  });

  it('expires tokens after their lifetime', async () => {
    t.clock.advance(120_000);
    const token = (await login('principala', PASSWORD).expect(200)).body.accessToken;
    await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    t.clock.advance(3601_000);
    await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('ends every session at once on a password change, a reset by the admin, or a disabled account', async () => {
    t.clock.advance(120_000);
    const tokenOf = async (u: string, p = PASSWORD) => (await login(u, p).expect(200)).body.accessToken as string;
    const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);

    const before = await tokenOf('counsellorb');
    await t
      .http()
      .post('/api/me/password')
      .set('Authorization', `Bearer ${before}`)
      .send({ currentPassword: 'sai', newPassword: 'mat-khau-moi-123' })
      .expect(422);
    await t
      .http()
      .post('/api/me/password')
      .set('Authorization', `Bearer ${before}`)
      .send({ currentPassword: PASSWORD, newPassword: 'mat-khau-moi-123' })
      .expect(204);
    await me(before).expect(401);
    const after = await tokenOf('counsellorb', 'mat-khau-moi-123');
    await me(after).expect(200);

    // Fresh tokens: the world's were issued more than an hour of test time ago.
    const admin = { Authorization: `Bearer ${await tokenOf('adminw')}` };
    const notAdmin = { Authorization: `Bearer ${await tokenOf('supervisora')}` };
    await t
      .http()
      .post(`/api/admin/users/${w.users.counsellorB.id}/reset-password`)
      .set(notAdmin)
      .send({ newPassword: 'do-admin-dat-lai' })
      .expect(403);
    await t
      .http()
      .post(`/api/admin/users/${w.users.counsellorB.id}/reset-password`)
      .set(admin)
      .send({ newPassword: 'do-admin-dat-lai' })
      .expect(204);
    await me(after).expect(401);

    const supervisor = await tokenOf('supervisorb');
    await t.http().post(`/api/admin/users/${w.users.supervisorB.id}/disable`).set(admin).expect(204);
    await me(supervisor).expect(401);
    expect((await login('supervisorb', PASSWORD)).status).toBe(401);
  });

  it('sends the security headers of helmet', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

import { NestExpressApplication } from '@nestjs/platform-express';
import { ReencryptService } from '@dh/cases';
import { KeyRing, sealedKeyId } from '@dh/crypto';
import { base32Decode, totpCode } from '../../libs/identity/src/second-factor/totp';
import { openCase } from '../support/case-helpers';
import { auth, PASSWORD, World } from '../support/fixtures';
import { useCliAgainst } from '../support/cli';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Enrolment = { secret: string; otpauthUri: string; recoveryCodes: string[] };

// The code an authenticator app shows at the test clock's time (plus `offsetSeconds`), computed per RFC 6238.
const codeAt = (t: TestApp, secret: string, offsetSeconds = 0): string =>
  totpCode(base32Decode(secret), Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds);

const startOfStep = (t: TestApp) => t.clock.advance(30_000 - (t.clock.now().getTime() % 30_000));

describe('a second factor (TOTP) at login, enrolled and reset by an admin', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
    (t.app as NestExpressApplication).set('trust proxy', 'loopback');
  });
  const login = (body: { username: string; password: string; code?: string }, from = '198.51.100.20') =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', from).send(body);
  const stateOf = async (username: string) =>
    (await t.http().get('/api/admin/users').set(auth(w.users.adminW)).expect(200)).body.items.find(
      (u: { username: string }) => u.username === username,
    ).secondFactor;

  it('enrols a supervisor once, takes each code once, refuses stale ones, spends recovery codes once, and records the admin’s work', async () => {
    const admin = auth(w.users.adminW);
    const sup = { username: 'supervisora', password: PASSWORD };
    startOfStep(t);
    const enrolled = await t
      .http()
      .post(`/api/admin/users/${w.users.supervisorA.id}/second-factor`)
      .set(admin)
      .expect(201);
    const { secret, otpauthUri, recoveryCodes } = enrolled.body as Enrolment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*supervisora\?/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored sealed and hashed: neither the secret nor a recovery code is in the database as shown.
    const [row] = (
      await world.pg.query(`SELECT secret FROM user_second_factor WHERE user_id = $1`, [w.users.supervisorA.id])
    ).rows;
    expect(row.secret).toMatch(/^dh1:/);
    expect(row.secret).not.toContain(secret);
    const hashes = (await world.pg.query(`SELECT code_hash FROM recovery_code`)).rows.map((r) => r.code_hash).join();
    for (const code of recoveryCodes) expect(hashes).not.toContain(code.replace('-', ''));

    // Pending: the password alone still works until the supervisor confirms with a first code.
    expect(await stateOf('supervisora')).toBe('pending');
    expect((await login(sup)).status).toBe(200);
    await t
      .http()
      .post('/api/me/second-factor/confirm')
      .set(auth(w.users.supervisorA))
      .send({ code: '000000' === codeAt(t, secret) ? '111111' : '000000' })
      .expect(401);
    await t
      .http()
      .post('/api/me/second-factor/confirm')
      .set(auth(w.users.supervisorA))
      .send({ code: codeAt(t, secret) })
      .expect(204);
    await t
      .http()
      .post('/api/me/second-factor/confirm')
      .set(auth(w.users.supervisorA))
      .send({ code: codeAt(t, secret) })
      .expect(409);

    expect(await stateOf('supervisora')).toBe('active');
    expect(await stateOf('supervisorb')).toBe('none');

    // Active: the password alone is not enough.
    t.clock.advance(30_000);
    const asked = await login(sup);
    expect(asked.status).toBe(401);
    expect(asked.body).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', message: expect.stringMatching(/mã/) });
    // A wrong password with a right code is still a wrong password.
    expect((await login({ ...sup, password: 'doan-mo', code: codeAt(t, secret) })).body.code).toBe(
      'INVALID_CREDENTIALS',
    );
    const code = codeAt(t, secret);
    const ok = await login({ ...sup, code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe('supervisora');
    await t.http().get('/api/me').set('Authorization', `Bearer ${ok.body.accessToken}`).expect(200);
    // The same code again, even within its step: refused.
    expect((await login({ ...sup, code })).body.code).toBe('SECOND_FACTOR_INVALID');

    // A phone one step ahead is let in; a code two steps old is stale.
    t.clock.advance(30_000);
    expect((await login({ ...sup, code: codeAt(t, secret, 30) })).status).toBe(200);
    t.clock.advance(60_000);
    const stale = codeAt(t, secret);
    t.clock.advance(60_000);
    expect((await login({ ...sup, code: stale })).body.code).toBe('SECOND_FACTOR_INVALID');
    expect((await login({ ...sup, code: codeAt(t, secret) })).status).toBe(200);

    // A recovery code, with or without its dash and in any case, works once.
    expect((await login({ ...sup, code: recoveryCodes[0].toLowerCase() })).status).toBe(200);
    expect((await login({ ...sup, code: recoveryCodes[0] })).body.code).toBe('SECOND_FACTOR_INVALID');
    expect((await login({ ...sup, code: recoveryCodes[1].replace('-', '') })).status).toBe(200);
    expect((await login({ ...sup, code: 'ABCDE-FGHJK' })).body.code).toBe('SECOND_FACTOR_INVALID');

    // An active factor is not enrolled over: the admin resets it first.
    await t.http().post(`/api/admin/users/${w.users.supervisorA.id}/second-factor`).set(admin).expect(409);
    await t.http().post(`/api/admin/users/${w.users.supervisorA.id}/second-factor/reset`).set(admin).expect(204);
    await t.http().post(`/api/admin/users/${w.users.supervisorA.id}/second-factor/reset`).set(admin).expect(404);
    expect((await login(sup)).status).toBe(200);
    expect(await stateOf('supervisora')).toBe('none');
    expect((await world.pg.query(`SELECT count(*)::int AS n FROM recovery_code`)).rows[0].n).toBe(0);

    const chain = (await t.http().get('/api/admin/audit').set(admin).expect(200)).body.items as {
      type: string;
      actorId: string;
      subjectId: string;
      payload: Record<string, unknown>;
    }[];
    expect(chain.map((e) => [e.type, e.actorId, e.subjectId])).toEqual([
      ['SECOND_FACTOR_ENROLLED', w.users.adminW.id, w.users.supervisorA.id],
      ['SECOND_FACTOR_RESET', w.users.adminW.id, w.users.supervisorA.id],
    ]);
    expect(JSON.stringify(chain)).not.toContain(secret);
    expect(JSON.stringify(chain)).not.toContain(recoveryCodes[2]);
    expect((await t.http().get('/api/admin/audit/verify').set(admin).expect(200)).body).toEqual({
      valid: true,
      events: 2,
    });
  }, 120_000);

  it('counts wrong codes against the login throttle: the eleventh try from one address is refused, the right code too', async () => {
    const admin = auth(w.users.adminW);
    const user = { username: 'supervisora2', password: PASSWORD };
    const { secret } = (
      await t.http().post(`/api/admin/users/${w.users.supervisorA2.id}/second-factor`).set(admin).expect(201)
    ).body as Enrolment;
    startOfStep(t);
    expect((await login({ ...user, code: codeAt(t, secret) })).status).toBe(200); // confirms at login
    t.clock.advance(30_000);
    const wrong = codeAt(t, secret) === '123456' ? '654321' : '123456';
    const from = '203.0.113.77';
    for (let i = 0; i < 10; i++)
      expect((await login({ ...user, code: wrong }, from)).body.code).toBe('SECOND_FACTOR_INVALID');
    const refused = await login({ ...user, code: codeAt(t, secret) }, from);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    // Another address is not held back by them.
    expect((await login({ ...user, code: codeAt(t, secret) }, '198.51.100.21')).status).toBe(200);
    // Wrong codes count toward the name's hourly ceiling as wrong passwords do: past 50, the addresses that failed wait.
    t.clock.advance(2 * 86_400_000);
    const guessers = [1, 2, 3, 4, 5, 6].map((n) => `203.0.113.${n}`);
    for (let i = 0; i < 10; i++) {
      const round = await Promise.all(guessers.slice(0, 5).map((g) => login({ ...user, code: wrong }, g)));
      expect(round.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    }
    expect((await login({ ...user, code: wrong }, guessers[5])).status).toBe(401);
    const held = await login({ ...user, code: wrong }, guessers[0]);
    expect([held.status, held.body.details?.retryAfterSeconds]).toEqual([429, 900]);
  }, 120_000);

  it('re-seals the secret when the data key rotates, and the codes still work', async () => {
    const { secret } = (
      await t
        .http()
        .post(`/api/admin/users/${w.users.principalA.id}/second-factor`)
        .set(auth(w.users.adminW))
        .expect(201)
    ).body as Enrolment;
    const { newKeyId } = await t.app.get(KeyRing).rotate();
    expect((await t.app.get(ReencryptService).reencryptAll()).user_second_factor).toBeGreaterThanOrEqual(1);
    const [row] = (
      await world.pg.query(`SELECT secret FROM user_second_factor WHERE user_id = $1`, [w.users.principalA.id])
    ).rows;
    expect(sealedKeyId(row.secret)).toBe(newKeyId);
    startOfStep(t);
    expect((await login({ username: 'principala', password: PASSWORD, code: codeAt(t, secret) })).status).toBe(200);
    t.clock.advance(30_000);
    expect((await login({ username: 'principala', password: PASSWORD })).body.code).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('lets only an admin enrol or reset, and answers a bad code or unknown user with a 4xx', async () => {
    await t
      .http()
      .post(`/api/admin/users/${w.users.counsellorA.id}/second-factor`)
      .set(auth(w.users.supervisorB))
      .expect(403);
    await t
      .http()
      .post(`/api/admin/users/00000000-0000-4000-8000-000000000000/second-factor`)
      .set(auth(w.users.adminW))
      .expect(404);
    await t
      .http()
      .post('/api/me/second-factor/confirm')
      .set(auth(w.users.counsellorA))
      .send({ code: '12ab56' })
      .expect(400);
    // Nothing to confirm.
    await t
      .http()
      .post('/api/me/second-factor/confirm')
      .set(auth(w.users.counsellorA))
      .send({ code: '123456' })
      .expect(404);
  });
});

describe('with SECOND_FACTOR_ENFORCED, the roles that need a second factor cannot log in without one', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld({ SECOND_FACTOR_ENFORCED: 'true' });
  beforeAll(() => ({ t, w } = world));
  const cli = useCliAgainst(() => world.t);
  const login = (username: string, code?: string) =>
    t.http().post('/api/auth/login').send({ username, password: PASSWORD, code });

  it('refuses admins, supervisors, auditors, ward officers and principals holding a grant; lets counsellors in', async () => {
    for (const name of ['adminw', 'supervisorb', 'auditora', 'wardw']) {
      const res = await login(name);
      expect([name, res.status, res.body.code]).toEqual([name, 403, 'SECOND_FACTOR_NOT_ENROLLED']);
      expect(res.body.messageEn).toMatch(/ask an admin/);
    }
    expect((await login('counsellora')).status).toBe(200);
    expect((await login('principalb')).status).toBe(200);
    // A principal with a live grant to a case's confidential content needs one too.
    const c = await openCase(t, w);
    await world.pg.query(
      `INSERT INTO confidential_grant (case_id, school_id, grantee_id, granted_by, reason, expires_at, created_at)
       VALUES ($1, $2, $3, $4, 'Họp hội đồng.', $5, $6)`,
      [
        c.id,
        w.schoolA,
        w.users.principalA.id,
        w.users.supervisorA.id,
        new Date(t.clock.now().getTime() + 86_400_000),
        t.clock.now(),
      ],
    );
    expect((await login('principala')).body.code).toBe('SECOND_FACTOR_NOT_ENROLLED');
    t.clock.advance(2 * 86_400_000); // the grant has ended
    expect((await login('principala')).status).toBe(200);
  });

  it('asks a user whose enrolment is pending for a first code, which confirms it', async () => {
    const { secret } = (
      await t.http().post(`/api/admin/users/${w.users.wardW.id}/second-factor`).set(auth(w.users.adminW)).expect(201)
    ).body as Enrolment;
    expect((await login('wardw')).body.code).toBe('SECOND_FACTOR_REQUIRED');
    startOfStep(t);
    expect((await login('wardw', codeAt(t, secret))).status).toBe(200);
    t.clock.advance(30_000);
    expect((await login('wardw')).body.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await login('wardw', codeAt(t, secret))).status).toBe(200);
  });

  it('lets the operator enrol the first admin at the console, who then signs in with a code; the admin chain says so', async () => {
    expect((await login('adminw')).body.code).toBe('SECOND_FACTOR_NOT_ENROLLED');
    const enrolled = await cli(['enrol-second-factor', 'adminw']);
    expect(enrolled.code).toBe(0);
    const secret = /secret \(base32\): ([A-Z2-7]{32})/.exec(enrolled.out)?.[1] as string;
    expect(secret).toBeDefined();
    startOfStep(t);
    expect((await login('adminw')).body.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await login('adminw', codeAt(t, secret))).status).toBe(200);
    const event = await world.pg.query(
      `SELECT actor_id, request_id FROM admin_audit_event WHERE type = 'SECOND_FACTOR_ENROLLED' AND subject_id = $1`,
      [w.users.adminW.id],
    );
    expect(event.rows).toEqual([{ actor_id: null, request_id: 'cli:enrol-second-factor' }]);
    expect((await cli(['enrol-second-factor', 'nobody'])).code).toBe(2);
  });
});

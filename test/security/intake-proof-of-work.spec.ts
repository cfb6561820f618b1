import { DataSource } from 'typeorm';
import { buildWorld } from '../support/fixtures';
import { CHALLENGE_PATH, FRESH_WINDOWS_MS, publicCaseIds, report, solvedAltcha } from '../support/intake-helpers';
import { startTestApp, TestApp } from '../support/test-app';

const BODY = { schoolCode: 'TA', whatIsHappening: 'Em bị bạn cùng lớp bắt nạt.' };

// The decoded payload, changed by `edit`, encoded again.
const tampered = (
  altcha: string,
  edit: (p: {
    challenge: { parameters: Record<string, unknown>; signature: string };
    solution: { counter: number; derivedKey: string };
  }) => void,
) => {
  const payload = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8'));
  edit(payload);
  return Buffer.from(JSON.stringify(payload)).toString('base64');
};

describe('the public form asks for a proof of work (ALTCHA, self-hosted)', () => {
  let t: TestApp;
  let second: TestApp;
  let pg: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    await buildWorld(t.app);
    pg = t.app.get(DataSource);
    second = await startTestApp({}, { database: t.db });
    second.clock.set(t.clock.now());
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  // Each refusal: 400, Vietnamese first, naming `altcha` and why; nothing stored.
  const refused = async (altcha: string | undefined, problem: string, freshAllowance = true) => {
    if (freshAllowance) t.clock.advance(FRESH_WINDOWS_MS);
    second.clock.set(t.clock.now());
    const before = await publicCaseIds(t);
    const res = await report(t, { ...BODY, altcha }, 400);
    expect(await publicCaseIds(t)).toEqual(before);
    expect(res.body.details).toEqual([
      {
        field: 'altcha',
        label: 'Xác minh chống tin rác',
        problems: expect.arrayContaining([expect.stringContaining(problem)]),
      },
    ]);
    return res.body;
  };

  it('gives a signed challenge, with no third party and nothing cached', async () => {
    const res = await t.http().get(CHALLENGE_PATH).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      parameters: expect.objectContaining({
        algorithm: 'PBKDF2/SHA-256',
        cost: 1,
        keyPrefix: expect.stringMatching(/^[0-9a-f]+$/),
        data: { expires: expect.any(Number) },
      }),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Thirty minutes on the server's clock.
    expect(res.body.parameters.data.expires).toBe(Math.floor(t.clock.now().getTime() / 1000) + 30 * 60);
  });

  it('a post without a solved challenge is refused with 400 naming altcha, and stores nothing', async () => {
    const missing = await refused(undefined, 'altcha');
    expect(missing.statusCode).toBe(400);
    const garbage = await refused('bm90IGpzb24=', 'malformed');
    expect(garbage).toMatchObject({ code: 'PROOF_OF_WORK_REFUSED', message: expect.stringContaining('altcha') });
    expect(garbage.message).toMatch(/^Bước xác minh chống tin rác/);
    // A wrong counter, a changed parameter, a forged signature.
    await refused(
      tampered(await solvedAltcha(t), (p) => {
        p.solution.derivedKey = '00'.repeat(32);
      }),
      'invalid',
    );
    await refused(
      tampered(await solvedAltcha(t), (p) => {
        p.challenge.parameters.data = { expires: 4_000_000_000 };
      }),
      'invalid',
    );
    await refused(
      tampered(await solvedAltcha(t), (p) => {
        p.challenge.signature = 'f'.repeat(64);
      }),
      'invalid',
    );
  });

  it('a solved challenge is accepted once, on either instance; replayed it is refused', async () => {
    t.clock.advance(FRESH_WINDOWS_MS);
    second.clock.set(t.clock.now());
    const altcha = await solvedAltcha(t);
    const before = (await publicCaseIds(t)).length;
    // The same solution twice at once, through both instances: one report.
    const statuses = (await Promise.all([report(t, { ...BODY, altcha }), report(second, { ...BODY, altcha })]))
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([202, 400]);
    expect((await publicCaseIds(t)).length).toBe(before + 1);
    await refused(altcha, 'used', false);
    // The spent solution is kept until its challenge expires, then forgotten.
    expect((await pg.query(`SELECT count(*)::int AS n FROM altcha_spent`))[0].n).toBeGreaterThan(0);
  });

  it('a challenge older than thirty minutes on the server’s clock is refused as expired', async () => {
    const altcha = await solvedAltcha(t);
    t.clock.advance(31 * 60_000);
    await refused(altcha, 'expired');
  });
});

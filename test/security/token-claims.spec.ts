import { JwtService } from '@nestjs/jwt';
import type { Algorithm } from 'jsonwebtoken';
import { Clock } from '@dh/clock';
import { World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Tokens signed with the server's own secret, as someone holding it (or a bug in the issuer) could make them:
// the signature is good, the claims are not.
describe('a signed token with malformed claims is refused with 401, never 500 or a session', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const sign = (claims: Record<string, unknown>, expiresIn: number | null = 3600, algorithm: Algorithm = 'HS256') => {
    const iat = Math.floor(t.app.get(Clock).now().getTime() / 1000);
    return t.app
      .get(JwtService)
      .sign(
        { iat, ...claims },
        { secret: t.config.jwtSecret, algorithm, ...(expiresIn === null ? {} : { expiresIn }) },
      );
  };
  const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);

  it('refuses a sub that is not a UUID, whatever its type or shape', async () => {
    const subs: Record<string, unknown> = {
      'not-a-uuid': 'not-a-uuid',
      'thirty-six dashes': '-'.repeat(36),
      'thirty-six hex digits': 'f'.repeat(36),
      'dashes in the wrong places': `${w.users.counsellorA.id.replace(/-/g, '')}----`,
      'a number': 12345,
      'an object': { id: w.users.counsellorA.id },
      'an array': [w.users.counsellorA.id],
      missing: undefined,
    };
    const seen: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(subs)) {
      const res = await me(sign(sub === undefined ? { tv: 0 } : { sub, tv: 0 }));
      seen[name] = { status: res.status, code: res.body.code };
    }
    expect(seen).toEqual(
      Object.fromEntries(Object.keys(subs).map((name) => [name, { status: 401, code: 'UNAUTHENTICATED' }])),
    );
  });

  it('refuses a token without exp, and one whose tv is not the number it was issued with', async () => {
    const sub = w.users.counsellorA.id;
    // The same claims with an exp are a session: only the missing exp is refused.
    await me(sign({ sub, tv: 0 })).expect(200);
    const seen = {
      'no exp': (await me(sign({ sub, tv: 0 }, null))).status,
      'tv as a string': (await me(sign({ sub, tv: '0' }))).status,
      'no tv': (await me(sign({ sub }))).status,
    };
    expect(seen).toEqual({ 'no exp': 401, 'tv as a string': 401, 'no tv': 401 });
  });

  it('refuses a token signed with the right secret under another algorithm than HS256', async () => {
    const sub = w.users.counsellorA.id;
    await me(sign({ sub, tv: 0 }, 3600, 'HS256')).expect(200);
    const seen = {
      HS384: (await me(sign({ sub, tv: 0 }, 3600, 'HS384'))).status,
      HS512: (await me(sign({ sub, tv: 0 }, 3600, 'HS512'))).status,
    };
    expect(seen).toEqual({ HS384: 401, HS512: 401 });
  });
});

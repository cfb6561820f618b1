import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { INTAKE_PATH } from '../support/intake-helpers';

// `{"a":{"a":…1…}}`, `depth` objects deep, and the same with arrays: the shapes a hostile client sends.
const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const manyKeys = (count: number): string =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 0])));

const DEPTH_PROBLEM = /vượt quá 32 cấp.*nested deeper than 32 levels/;
const KEYS_PROBLEM = /vượt quá 10000 khóa.*more than 10000 keys/;

describe('a JSON body nested too deep or with too many keys is refused at the parser, on every route', () => {
  let t: TestApp;
  let w: World;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const routes = () =>
    [
      ['POST /api/auth/login (no login)', () => t.http().post('/api/auth/login')],
      ['POST /api/public/intake (no login)', () => t.http().post(INTAKE_PATH)],
      ['POST /api/learners (counsellor)', () => t.http().post('/api/learners').set(auth(w.users.counsellorA))],
    ] as const;

  it('answers 400 naming the depth limit to a body 2,000 levels deep, objects or arrays, and to 33 levels; 32 levels pass the parser', async () => {
    const shapes = {
      'object 2000': deepObject(2000),
      'array 2000': deepArray(2000),
      'array 100000': deepArray(100_000),
      'object 33': deepObject(33),
    };
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [route, post] of routes()) {
      for (const [shape, body] of Object.entries(shapes)) {
        const res = await post().set('Content-Type', 'application/json').send(body);
        seen[`${route} ${shape}`] = {
          status: res.status,
          code: res.body.code,
          details: res.body.details?.slice(0, 1),
          message: res.body.message,
        };
        expected[`${route} ${shape}`] = {
          status: 400,
          code: 'JSON_TOO_DEEP',
          details: [{ field: 'body', label: 'Nội dung yêu cầu', problems: [expect.stringMatching(DEPTH_PROBLEM)] }],
          message: expect.stringMatching(/32 cấp/),
        };
      }
      // Exactly at the limit the parser lets it through: what answers is the route's own validation.
      const atLimit = await post().set('Content-Type', 'application/json').send(deepObject(32));
      seen[`${route} object 32`] = { status: atLimit.status, code: atLimit.body.code };
      expected[`${route} object 32`] = { status: 400, code: 'VALIDATION_FAILED' };
    }
    expect(seen).toEqual(expected);
  });

  it('answers 400 naming the key limit to a body with more than 10,000 keys', async () => {
    for (const [name, post] of routes()) {
      const res = await post().set('Content-Type', 'application/json').send(manyKeys(10_001));
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 400,
        code: 'JSON_TOO_MANY_KEYS',
      });
      expect(res.body.details).toEqual([
        { field: 'body', label: 'Nội dung yêu cầu', problems: [expect.stringMatching(KEYS_PROBLEM)] },
      ]);
    }
  });

  it('refuses ten deep bodies before any costly work, and a normal request answered meanwhile is not held up', async () => {
    const health = async () => {
      const started = performance.now();
      await t.http().get('/api/health').expect(200);
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    await health();
    const baseline = median([await health(), await health(), await health(), await health(), await health()]);

    const started = performance.now();
    const deep = Array.from({ length: 10 }, (_, i) =>
      t
        .http()
        .post(i % 2 ? '/api/auth/login' : INTAKE_PATH)
        .set('Content-Type', 'application/json')
        .send(i % 3 ? deepObject(2000) : deepArray(100_000)),
    );
    const [during, ...answers] = await Promise.all([health(), ...deep]);
    const tenDeep = performance.now() - started;
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(400));
    // Generous bounds against a baseline taken in the same test. Before the parser's limit, ten such bodies took
    // about 1.2 s of stack-deep work and held a 5 ms health check up for about 350 ms.
    expect(during).toBeLessThan(baseline * 20 + 150);
    expect(tenDeep).toBeLessThan(baseline * 40 + 300);
  });
});

import fc from 'fast-check';
import { auth, World } from '../support/fixtures';
import { CaseBody, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Bodies that are wrong in every way a client can be wrong: types, sizes, shapes, encodings.
const nasty = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(null, true, 0, -1, 1e308, [], {}, '', ' ', 'DROP TABLE "case";--', '<script>alert(1)</script>', '\u0000', '💥'.repeat(50)),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(3000)),
);
const uuidish = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'x', ''), fc.string({ maxLength: 40 }));
// A member of the family, each field (the forms' year of birth, occupation, current carer too) right or wrong.
const guardian = fc.record({
  fullName: fc.oneof(nasty, fc.constant('Nguyễn Văn Hùng')), relationship: fc.oneof(nasty, fc.constant('bố')), phone: nasty,
  yearOfBirth: fc.oneof(nasty, fc.integer({ min: 1800, max: 2200 })), occupation: nasty, currentCarer: fc.oneof(nasty, fc.boolean()),
}, { requiredKeys: [] });

const bodies = (c: CaseBody, schoolId: string) =>
  fc.oneof(
    fc.record({ username: nasty, password: nasty }, { requiredKeys: [] }).map((b) => ['post', '/api/auth/login', b] as const),
    fc.record({ schoolId: fc.oneof(uuidish, fc.constant(schoolId)), fullName: nasty, dateOfBirth: fc.oneof(nasty, fc.constantFrom('2013-02-30', '13/05/2013')), sex: nasty, className: nasty, guardians: fc.oneof(nasty, fc.array(guardian, { maxLength: 3 })), confirmDistinct: nasty }, { requiredKeys: [] })
      .map((b) => ['post', '/api/learners', b] as const),
    fc.record({ schoolId: fc.oneof(uuidish, fc.constant(schoolId)), learnerId: uuidish, areas: fc.oneof(nasty, fc.array(fc.record({ code: nasty, priority: nasty }))), channel: nasty, summary: nasty, riskLevel: nasty, riskRationale: nasty, familyCircumstances: nasty, actionsTaken: nasty, reporter: nasty, assigneeId: uuidish }, { requiredKeys: [] })
      .map((b) => ['post', '/api/cases', b] as const),
    fc.record({ type: fc.oneof(nasty, fc.constantFrom('START_ASSESSMENT', 'SUBMIT_PLAN', 'ASSIGN', 'REFER', 'UPDATE_RISK', 'COMPLETE_ASSESSMENT')), payload: fc.oneof(nasty, fc.dictionary(fc.constantFrom('goals', 'reviewDate', 'assigneeId', 'riskLevel', 'reason', 'text', 'constructor', '__proto__'), nasty)), expectedVersion: fc.oneof(nasty, fc.integer()) }, { requiredKeys: [] })
      .map((b) => ['post', `/api/cases/${c.id}/events`, b] as const),
    fc.tuple(fc.constantFrom('/api/cases', '/api/learners', '/api/directory'), fc.dictionary(fc.constantFrom('state', 'assigneeId', 'area', 'risk', 'page', 'pageSize', 'q', 'schoolId', 'kind', 'includeInactive', 'wardId', 'x'), fc.string({ maxLength: 50 })))
      .map(([path, q]) => ['get', `${path}?${new URLSearchParams(q).toString()}`, undefined] as const),
    uuidish.map((id) => ['get', `/api/cases/${encodeURIComponent(id)}`, undefined] as const),
  );

describe('fuzz: generated bad input never gets a 5xx', () => {
  let t: TestApp;
  let w: World;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('answers 1,200 generated requests across the endpoints without a server error', async () => {
    const c = await openCase(t, w);
    const samples = fc.sample(bodies(c, w.schoolA), { numRuns: 1200, seed: 20261124 });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < samples.length; i += 8) {
      await Promise.all(
        samples.slice(i, i + 8).map(async ([method, path, body]) => {
          let req = method === 'post' ? t.http().post(path) : t.http().get(path);
          req = req.set(auth(w.users.counsellorA));
          // Some bodies go out as raw text claiming to be JSON.
          const res = typeof body === 'string' ? await req.set('Content-Type', 'application/json').send(body) : await req.send(body as object);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)}`);
        }),
      );
    }
    expect(failures).toEqual([]);
    // The fuzz really exercised the refusals, not only the happy path.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(600);
    const after = await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.supervisorA)).expect(200);
    expect(after.body.valid).toBe(true);
  });
});

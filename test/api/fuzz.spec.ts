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
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    [],
    {},
    '',
    ' ',
    'DROP TABLE "case";--',
    '<script>alert(1)</script>',
    '\u0000',
    '💥'.repeat(50),
  ),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(3000)),
);
// Instants near and far, with and without an offset, past and future, and dates that do not exist.
const instantish = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-03-02T16:00:00',
    '2026-02-30T10:00:00+07:00',
    '2026-03-02T24:00:00+07:00',
    '+275760-09-13T00:00:00Z',
    '2026-03-02',
    '2026-03-02T16:00:00+99:99',
  ),
);
const uuidish = fc.oneof(
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'x', ''),
  fc.string({ maxLength: 40 }),
);
// A member of the family, each field (the forms' year of birth, occupation, current carer too) right or wrong.
const guardian = fc.record(
  {
    fullName: fc.oneof(nasty, fc.constant('Nguyễn Văn Hùng')),
    relationship: fc.oneof(nasty, fc.constant('bố')),
    phone: nasty,
    yearOfBirth: fc.oneof(nasty, fc.integer({ min: 1800, max: 2200 })),
    occupation: nasty,
    currentCarer: fc.oneof(nasty, fc.boolean()),
  },
  { requiredKeys: [] },
);

const bodies = (c: CaseBody, schoolId: string) =>
  fc.oneof(
    fc
      .record({ username: nasty, password: nasty }, { requiredKeys: [] })
      .map((b) => ['post', '/api/auth/login', b] as const),
    fc
      .record(
        {
          schoolId: fc.oneof(uuidish, fc.constant(schoolId)),
          fullName: nasty,
          dateOfBirth: fc.oneof(nasty, fc.constantFrom('2013-02-30', '13/05/2013')),
          sex: nasty,
          className: nasty,
          guardians: fc.oneof(nasty, fc.array(guardian, { maxLength: 3 })),
          confirmDistinct: nasty,
        },
        { requiredKeys: [] },
      )
      .map((b) => ['post', '/api/learners', b] as const),
    fc
      .record(
        {
          schoolId: fc.oneof(uuidish, fc.constant(schoolId)),
          learnerId: uuidish,
          areas: fc.oneof(nasty, fc.array(fc.record({ code: nasty, priority: nasty }))),
          channel: nasty,
          summary: nasty,
          riskLevel: nasty,
          riskRationale: nasty,
          familyCircumstances: nasty,
          actionsTaken: nasty,
          reporter: nasty,
          assigneeId: uuidish,
          receivedAt: fc.oneof(nasty, instantish),
          receivedLateReason: nasty,
          schoolViolence: nasty,
        },
        { requiredKeys: [] },
      )
      .map((b) => ['post', '/api/cases', b] as const),
    fc
      .record(
        {
          type: fc.oneof(
            nasty,
            fc.constantFrom(
              'START_ASSESSMENT',
              'SUBMIT_PLAN',
              'ASSIGN',
              'REFER',
              'UPDATE_RISK',
              'COMPLETE_ASSESSMENT',
              'RAISE_PROTECTION_CONCERN',
              'FOLLOW_UP_DONE',
            ),
          ),
          payload: fc.oneof(
            nasty,
            fc.dictionary(
              fc.constantFrom(
                'goals',
                'reviewDate',
                'assigneeId',
                'riskLevel',
                'reason',
                'text',
                'kind',
                'facts',
                'carerSuspected',
                'receivedAt',
                'receivedLateReason',
                'notes',
                'stopReason',
                'constructor',
                '__proto__',
              ),
              fc.oneof(nasty, instantish),
            ),
          ),
          expectedVersion: fc.oneof(nasty, fc.integer()),
        },
        { requiredKeys: [] },
      )
      .map((b) => ['post', `/api/cases/${c.id}/events`, b] as const),
    fc
      .tuple(
        fc.constantFrom('/api/cases', '/api/learners', '/api/directory', '/api/labels'),
        fc.dictionary(
          fc.constantFrom(
            'state',
            'assigneeId',
            'area',
            'risk',
            'page',
            'pageSize',
            'cursor',
            'q',
            'schoolId',
            'kind',
            'includeInactive',
            'wardId',
            'x',
          ),
          fc.string({ maxLength: 50 }),
        ),
      )
      .map(([path, q]) => ['get', `${path}?${new URLSearchParams(q).toString()}`, undefined] as const),
    uuidish.map((id) => ['get', `/api/cases/${encodeURIComponent(id)}`, undefined] as const),
    // A form's query, never a well-formed format=pdf (each of those would start LibreOffice: form-pdf.spec.ts has them).
    fc
      .tuple(
        fc.constantFrom('01', '1', '04', '5', 'x', 'ke-hoach', 'lien-he-gia-dinh', 'Ke-Hoach', 'lien-he'),
        fc.dictionary(
          fc.constantFrom('format', 'referralId', 'x'),
          fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('PDF', 'pdf ', 'xlsx', 'docx', ''), uuidish),
        ),
      )
      .filter(([, q]) => q.format !== 'pdf')
      .map(
        ([n, q]) => ['get', `/api/cases/${c.id}/forms/${n}?${new URLSearchParams(q).toString()}`, undefined] as const,
      ),
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
    const unworded: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < samples.length; i += 8) {
      await Promise.all(
        samples.slice(i, i + 8).map(async ([method, path, body]) => {
          let req = method === 'post' ? t.http().post(path) : t.http().get(path);
          req = req.set(auth(w.users.counsellorA));
          // Some bodies go out as raw text claiming to be JSON.
          const res =
            typeof body === 'string'
              ? await req.set('Content-Type', 'application/json').send(body)
              : await req.send(body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            failures.push(
              `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)}`,
            );
          // Each refused field is named for a person too (issue 13, point 14), each problem in Vietnamese / English.
          if (res.body?.code === 'VALIDATION_FAILED') {
            for (const d of res.body.details as { field: string; label?: string; problems: string[] }[]) {
              if (!d.label || d.problems.some((p) => !p.includes(' / ')))
                unworded.push(`${method} ${path} → ${JSON.stringify(d)}`);
            }
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(unworded.slice(0, 5)).toEqual([]);
    // The fuzz really exercised the refusals, not only the happy path.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(600);
    const after = await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.supervisorA)).expect(200);
    expect(after.body.valid).toBe(true);
  });

  // The admin's calendar (issue 13, point 18): near-valid days as well as garbage, so that the checks past the
  // DTO (the year, a date twice, a decision dated ahead) are reached too.
  it('answers generated calendar changes from the admin without a server error', async () => {
    const day = fc.record(
      {
        date: fc.oneof(nasty, fc.constantFrom('2031-05-04', '2031-05-05', '2030-12-31', '2031-02-29', '2031-5-4')),
        kind: fc.oneof(nasty, fc.constantFrom('day_off', 'working_day', 'holiday')),
        name: fc.oneof(nasty, fc.constant('Nghỉ bù')),
        decisionNumber: fc.oneof(nasty, fc.constant('Quyết định số 1/QĐ-TTg')),
        decisionDate: fc.oneof(nasty, fc.constantFrom('2026-01-05', '2099-01-01', '05/01/2026')),
      },
      { requiredKeys: [] },
    );
    const year = fc.oneof(
      fc.constantFrom('2031', '1999', '2101', '-1', '2031.5', '99999999999999999999'),
      fc.string({ maxLength: 12 }),
    );
    const samples = fc.sample(
      fc.tuple(
        year,
        fc.oneof(
          fc.record(
            { entries: fc.oneof(nasty, fc.array(fc.oneof(day, nasty), { maxLength: 4 })), extra: nasty },
            { requiredKeys: [] },
          ),
          // Raw text claiming to be JSON: a bare list, a scalar, a cut-off object.
          fc.constantFrom('[]', 'null', '2031', '"x"', '{"entries":', '[{"date":"2031-05-04"}]'),
        ),
      ),
      { numRuns: 300, seed: 20261202 },
    );
    const failures: string[] = [];
    for (const [y, body] of samples) {
      const req = t
        .http()
        .put(`/api/admin/calendar/${encodeURIComponent(y)}`)
        .set(auth(w.users.adminW));
      const res =
        typeof body === 'string' ? await req.set('Content-Type', 'application/json').send(body) : await req.send(body);
      if (res.status >= 500)
        failures.push(`${y} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  });
});

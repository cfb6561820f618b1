import { Client } from 'pg';
import { CaseBody, createLearner, move, openCase } from '../support/case-helpers';
import { auth, Login, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Listed = { id: string; updatedAt: string; riskLevel: string; assigneeId: string | null };
type ListBody = { items: Listed[]; total: number; nextCursor: string | null };

// Issue 18, point 4: the case list walked by cursor, newest change first, each case the caller may read once.
describe('the case list walked by cursor', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const schoolACases: CaseBody[] = [];
  const named: CaseBody[] = [];

  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w, pg } = world);
    const tv = w.users.counsellorA;
    // Several cases per instant (the test's clock stands still between openings), so the id decides their order.
    for (const [i, riskLevel] of ['low', 'high', 'medium', 'high', 'low', 'high', 'medium'].entries()) {
      if (i % 3 === 0) t.clock.advance(60_000);
      schoolACases.push(await openCase(t, w, { riskLevel }));
    }
    schoolACases.push(await openCase(t, w, { by: w.users.supervisorA }));
    for (const fullName of ['Lê Văn Khang', 'Trần Minh Khang', 'Khang Thị Hoa']) {
      const learner = await createLearner(t, tv, w.schoolA, fullName);
      named.push(await openCase(t, w, { body: { learnerId: learner.id } }));
    }
    schoolACases.push(...named);
    for (let i = 0; i < 3; i++) await openCase(t, w, { by: w.users.supervisorB, schoolId: w.schoolB });
    // Two cases a microsecond apart within one millisecond (before the others): a key cut to the millisecond would
    // lose one of them.
    await pg.query(`UPDATE "case" SET updated_at = '2026-03-02T01:59:00.000001Z' WHERE id = $1`, [schoolACases[1].id]);
    await pg.query(`UPDATE "case" SET updated_at = '2026-03-02T01:59:00.000002Z' WHERE id = $1`, [schoolACases[4].id]);
  });

  const list = async (by: Login, query: Record<string, string | number>): Promise<ListBody> =>
    (await t.http().get('/api/cases').query(query).set(auth(by)).expect(200)).body as ListBody;

  // Every page of a walk, from the first; fails rather than loop if the cursor ever stopped moving.
  const walk = async (by: Login, query: Record<string, string | number>) => {
    const pages: ListBody[] = [await list(by, query)];
    while (pages.at(-1)!.nextCursor !== null) {
      if (pages.length > 50) throw new Error('the walk did not end');
      pages.push(await list(by, { ...query, cursor: pages.at(-1)!.nextCursor! }));
    }
    return pages;
  };
  const idsOf = (pages: ListBody[]) => pages.flatMap((p) => p.items.map((i) => i.id));

  // The order the list promises, read from the table: newest change first, then the greater id.
  const expected = async (where: string, params: unknown[] = []): Promise<string[]> =>
    (await pg.query(`SELECT id FROM "case" c WHERE ${where} ORDER BY updated_at DESC, id DESC`, params)).rows.map(
      (r: { id: string }) => r.id,
    );

  it('gives each case of the caller’s school once, in order, for the school’s staff and an auditor it is granted to', async () => {
    const all = await expected('school_id = $1', [w.schoolA]);
    expect(all).toHaveLength(schoolACases.length);
    for (const who of [w.users.counsellorA, w.users.principalA, w.users.auditorA]) {
      const pages = await walk(who, { pageSize: 3 });
      expect(idsOf(pages)).toEqual(all);
      expect(pages.map((p) => p.items.length)).toEqual([3, 3, 3, 2]);
      expect(pages.every((p) => p.total === all.length)).toBe(true);
    }
    // Page numbers keep giving the same order, and the first page's cursor leads to the second page.
    const second = await list(w.users.counsellorA, { pageSize: 3, page: 2 });
    expect(second.items.map((i) => i.id)).toEqual(all.slice(3, 6));
    const fromCursor = await list(w.users.counsellorA, {
      pageSize: 3,
      cursor: (await list(w.users.counsellorA, { pageSize: 3 })).nextCursor!,
    });
    expect(fromCursor.items.map((i) => i.id)).toEqual(all.slice(3, 6));
    expect(second.nextCursor).toBe(fromCursor.nextCursor);
    // One at a time across the two cases a microsecond apart.
    expect(idsOf(await walk(w.users.counsellorA, { pageSize: 1 }))).toEqual(all);
    expect(idsOf(await walk(w.users.counsellorB, { pageSize: 2 }))).toEqual(
      await expected('school_id = $1', [w.schoolB]),
    );
  });

  it('gives a ward officer only the cases referred to the ward, from both its schools', async () => {
    const referred = [schoolACases[2].id, (await expected('school_id = $1', [w.schoolB]))[0]];
    await pg.query(`UPDATE "case" SET referred_to_ward_at = '2026-03-02T03:00:00Z' WHERE id = ANY($1)`, [referred]);
    try {
      const pages = await walk(w.users.wardW, { pageSize: 1 });
      expect(idsOf(pages)).toEqual(await expected('id = ANY($1)', [referred]));
      expect(pages[0].total).toBe(2);
    } finally {
      await pg.query(`UPDATE "case" SET referred_to_ward_at = NULL WHERE id = ANY($1)`, [referred]);
    }
  });

  it('keeps each filter’s meaning along the walk: risk, unassigned, state, the case number and the learner’s name', async () => {
    const a = w.users.supervisorA;
    const school = `c.school_id = '${w.schoolA}'`;
    expect(idsOf(await walk(a, { pageSize: 2, risk: 'high' }))).toEqual(
      await expected(`${school} AND risk_level = 'high'`),
    );
    expect(idsOf(await walk(a, { pageSize: 2, unassigned: 'true' }))).toEqual(
      await expected(`${school} AND assignee_id IS NULL`),
    );
    expect(idsOf(await walk(a, { pageSize: 4, unassigned: 'false' }))).toEqual(
      await expected(`${school} AND assignee_id IS NOT NULL`),
    );
    expect(idsOf(await walk(a, { pageSize: 4, state: 'intake' }))).toEqual(
      await expected(`${school} AND (state = 'intake' OR state LIKE 'intake.%')`),
    );
    const byName = await walk(a, { pageSize: 1, q: 'khang' });
    expect(idsOf(byName)).toEqual(await expected('id = ANY($1)', [named.map((c) => c.id)]));
    expect(byName.map((p) => p.total)).toEqual([3, 3, 3]);
    expect(idsOf(await walk(a, { pageSize: 5, q: 'ta-' }))).toEqual(await expected(school));
    // The name is not searched for a caller who may not read learners; the case number still is.
    expect(idsOf(await walk(w.users.auditorA, { pageSize: 1, q: 'khang' }))).toEqual([]);
  });

  it('does not show a case twice nor loop when cases change during the walk', async () => {
    const tv = w.users.counsellorA;
    const all = await expected(`school_id = $1`, [w.schoolA]);
    const first = await list(tv, { pageSize: 4 });
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 4));
    // One case already shown and one not yet reached change (the counsellor's own: the supervisor's case has no
    // assignee to write a note): both move to the top, above the cursor.
    const theirs = (id: string) => id !== schoolACases[7].id;
    const [shown, ahead] = [all.slice(0, 4).filter(theirs)[1], all.slice(6).find(theirs)!];
    t.clock.advance(60_000);
    const version = async (id: string) =>
      ((await t.http().get(`/api/cases/${id}`).set(auth(tv)).expect(200)).body as CaseBody).version;
    for (const id of [shown, ahead])
      await move(t, tv, { id, version: await version(id) }, 'ADD_NOTE', { text: 'Đã gặp.' });
    const rest: ListBody[] = [];
    for (let cursor = first.nextCursor; cursor !== null; cursor = rest.at(-1)!.nextCursor) {
      if (rest.length > 10) throw new Error('the walk did not end');
      rest.push(await list(tv, { pageSize: 4, cursor }));
    }
    // The one not yet reached is missed by this walk; a walk from the top shows both changed cases first.
    expect([...first.items.map((i) => i.id), ...idsOf(rest)]).toEqual(all.filter((id) => id !== ahead));
    expect((await list(tv, { pageSize: 2 })).items.map((i) => i.id).sort()).toEqual([shown, ahead].sort());
  });

  it('refuses a cursor it did not give, and a page number too deep or beside a cursor, naming the field', async () => {
    const refused = async (query: Record<string, string | number>) =>
      (await t.http().get('/api/cases').query(query).set(auth(w.users.counsellorA)).expect(400)).body.details as {
        field: string;
        problems: string[];
      }[];
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const id = schoolACases[0].id;
    for (const cursor of [
      'not a cursor!',
      b64('hello'),
      b64(`2026-02-30T00:00:00.000000Z|${id}`),
      b64(`2026-03-02T02:00:00.000Z|${id}`),
      b64(`2026-03-02T02:00:00.000000Z|not-a-uuid`),
      b64(`2026-03-02T02:00:00.000000Z|${id}|more`),
      `${b64(`2026-03-02T02:00:00.000000Z|${id}`)}==`,
      'x'.repeat(201),
    ]) {
      const details = await refused({ cursor });
      expect({ cursor, fields: details.map((d) => d.field) }).toEqual({ cursor, fields: ['cursor'] });
      expect(details[0].problems.join(' ')).toMatch(/cursor/);
    }
    const valid = (await list(w.users.counsellorA, { pageSize: 3 })).nextCursor!;
    expect((await refused({ cursor: valid, page: 2 })).map((d) => d.field)).toEqual(['page']);
    const tooDeep = await refused({ page: 501, pageSize: 20 });
    expect(tooDeep).toEqual([
      expect.objectContaining({ field: 'page', problems: [expect.stringMatching(/10\.000 .* nextCursor$/)] }),
    ]);
    await t.http().get('/api/cases').query({ page: 500, pageSize: 20 }).set(auth(w.users.counsellorA)).expect(200);
    expect((await refused({ page: 101, pageSize: 100 })).map((d) => d.field)).toEqual(['page']);
  });
});

import { Client } from 'pg';
import { auth, World } from '../support/fixtures';
import { move, openCase, PAYLOADS, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('one transition, one transaction', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  // Whole rows as text: "unchanged" means byte for byte.
  const rowsOf = async (caseId: string) => ({
    case: (await pg.query(`SELECT c::text AS row FROM "case" c WHERE id = $1`, [caseId])).rows,
    audit: (await pg.query(`SELECT a::text AS row FROM audit_event a WHERE case_id = $1 ORDER BY seq`, [caseId])).rows,
  });

  it('answers a stale expectedVersion with 409 and the current version', async () => {
    const c = await openCase(t, w);
    await move(t, w.users.counsellorA, c, 'START_ASSESSMENT');
    const stale = await sendEvent(t, w.users.counsellorA, c, 'ADD_NOTE', { text: 'ghi chú' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ statusCode: 409, code: 'STALE_VERSION', details: { currentVersion: 2 } });
  });

  it('runs one transition for the same Idempotency-Key sent twice, and returns the first answer', async () => {
    const c = await openCase(t, w);
    const send = () =>
      t
        .http()
        .post(`/api/cases/${c.id}/events`)
        .set(auth(w.users.counsellorA))
        .set('Idempotency-Key', `start-${c.id}`)
        .send({ type: 'START_ASSESSMENT', payload: {}, expectedVersion: 1 });
    const first = await send().expect(200);
    const retry = await send().expect(200);
    expect(retry.body).toEqual(first.body);
    const { audit } = await rowsOf(c.id);
    expect(audit).toHaveLength(2);
    const reused = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(auth(w.users.counsellorA))
      .set('Idempotency-Key', `start-${c.id}`)
      .send({ type: 'ADD_NOTE', payload: { text: 'khác' }, expectedVersion: 2 });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('leaves the row and the audit byte for byte unchanged when an event is refused', async () => {
    const c = await openCase(t, w);
    const before = await rowsOf(c.id);
    const refusals = [
      await sendEvent(t, w.users.counsellorA, c, 'APPROVE_PLAN', {}), // not in this state: 409
      await sendEvent(t, w.users.counsellorA2, c, 'START_ASSESSMENT', {}), // not the assignee: 422
      await sendEvent(t, w.users.counsellorA, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment()), // wrong state
      await sendEvent(t, w.users.counsellorA, c, 'CLOSE_AT_INTAKE', { reason: '   ' }), // empty reason: 400
      await sendEvent(t, w.users.supervisorA, c, 'ASSIGN', { assigneeId: w.users.counsellorA2.id }), // already assigned
      await sendEvent(t, w.users.supervisorA, c, 'REASSIGN', { assigneeId: w.users.counsellorB.id }), // other school's counsellor
    ];
    expect(refusals.map((r) => r.status)).toEqual([409, 422, 409, 400, 422, 422]);
    expect(refusals[0].body.details.allowedEvents).toEqual(expect.arrayContaining(['START_ASSESSMENT']));
    expect(refusals[1].body.details.reason).toBe('not_assignee');
    expect(refusals[4].body.details.reason).toBe('already_assigned');
    expect(refusals[5].body.code).toBe('ASSIGNEE_NOT_ELIGIBLE');
    expect(await rowsOf(c.id)).toEqual(before);
  });

  it('answers 404 for another school’s case, for reads and for events, exactly like a missing case', async () => {
    const c = await openCase(t, w);
    const before = await rowsOf(c.id);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/api/cases/${c.id}`, `/api/cases/${c.id}/history`, `/api/cases/${c.id}/history/verify`]) {
      const other = await t.http().get(path).set(auth(w.users.supervisorB));
      const none = await t.http().get(path.replace(c.id, missing)).set(auth(w.users.supervisorB));
      expect(other.status).toBe(404);
      expect({ ...other.body, requestId: null }).toEqual({ ...none.body, requestId: null });
    }
    const event = await sendEvent(t, w.users.supervisorB, c, 'ADD_NOTE', { text: 'thử' });
    expect(event.status).toBe(404);
    const list = await t.http().get('/api/cases').set(auth(w.users.supervisorB)).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect(await rowsOf(c.id)).toEqual(before);
  });

  it('stores a transition whole or not at all: a failure while appending the audit event leaves the case as it was', async () => {
    const c = await openCase(t, w);
    const before = await rowsOf(c.id);
    // A fault inside the transaction, after the case row was written: the audit insert fails.
    await pg.query(`
      CREATE FUNCTION fail_marked_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.type = 'ADD_NOTE' AND NEW.case_id = '${c.id}' THEN RAISE EXCEPTION 'simulated disk fault'; END IF; RETURN NEW; END $$`);
    await pg.query(
      `CREATE TRIGGER fail_marked_note BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION fail_marked_note()`,
    );
    try {
      const res = await sendEvent(t, w.users.counsellorA, c, 'ADD_NOTE', { text: 'FAULT' });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
      expect(JSON.stringify(res.body)).not.toContain('simulated disk fault');
    } finally {
      await pg.query(`DROP TRIGGER fail_marked_note ON audit_event`);
      await pg.query(`DROP FUNCTION fail_marked_note()`);
    }
    expect(await rowsOf(c.id)).toEqual(before);
    expect((await sendEvent(t, w.users.counsellorA, c, 'ADD_NOTE', { text: 'sau sự cố' })).status).toBe(200);
  });

  it('keeps the reporter apart from the case and out of the audit trail', async () => {
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({ schoolId: w.schoolA, fullName: 'Đinh Văn Khoa', dateOfBirth: '2012-02-02', sex: 'nam', className: '8A1' })
      .expect(201);
    const res = await t
      .http()
      .post('/api/cases')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        learnerId: learner.body.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'cha_me',
        summary: 'Mẹ em báo em bị bắt nạt.',
        riskLevel: 'high',
        riskRationale: 'Có dấu hiệu bạo lực.',
        reporter: { anonymous: false, name: 'Phạm Thị Người Báo', phone: '0987654321', relationship: 'mẹ' },
      })
      .expect(201);
    const reporter = await pg.query(`SELECT name, phone, relationship FROM case_reporter WHERE case_id = $1`, [
      res.body.id,
    ]);
    // Apart, and sealed: only the reporter endpoint opens it (test/access/reporter-and-verbatim.spec.ts).
    expect(reporter.rows).toEqual([
      {
        name: expect.stringMatching(/^dh1:/),
        phone: expect.stringMatching(/^dh1:/),
        relationship: expect.stringMatching(/^dh1:/),
      },
    ]);
    const opened = await t.http().get(`/api/cases/${res.body.id}/reporter`).set(auth(w.users.supervisorA)).expect(200);
    expect(opened.body.reporter).toEqual({
      anonymous: false,
      name: 'Phạm Thị Người Báo',
      phone: '0987654321',
      relationship: 'mẹ',
      contact: null,
    });
    const { audit, case: row } = await rowsOf(res.body.id);
    expect(JSON.stringify([audit, row])).not.toContain('Người Báo');
    expect(JSON.stringify(res.body)).not.toContain('Người Báo');
  });

  it('lets exactly one of 50 racing requests through; 49 get 409 and the audit gains one event', async () => {
    const c = await openCase(t, w);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => sendEvent(t, w.users.counsellorA, c, 'START_ASSESSMENT', {})),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const { audit } = await rowsOf(c.id);
    expect(audit).toHaveLength(2);
    const row = await pg.query(`SELECT version, state FROM "case" WHERE id = $1`, [c.id]);
    expect(row.rows[0]).toEqual({ version: 2, state: 'assessment' });
  });
});

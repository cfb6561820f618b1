import { Client } from 'pg';
import { auth, Login, World } from '../support/fixtures';
import { TransitionHooks } from '@dh/cases';
import { move, openCase, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('confidential content: who reads it, and every read in the chain', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const viewedOf = async (caseId: string) =>
    (
      await pg.query(
        `SELECT actor_id, actor_role, payload, request_id FROM audit_event WHERE case_id = $1 AND type = 'VIEWED' ORDER BY seq`,
        [caseId],
      )
    ).rows;
  const read = (who: Login, caseId: string) => t.http().get(`/api/cases/${caseId}`).set(auth(who)).expect(200);

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  it('shows the narrative to the assigned counsellor and the supervisor, one VIEWED event per read', async () => {
    const c = await openCase(t, w);
    expect(c).toMatchObject({ summary: null, masked: ['summary', 'riskRationale'] });
    const byCounsellor = await read(w.users.counsellorA, c.id).set('X-Request-Id', 'req-read-0001');
    expect(byCounsellor.body).toMatchObject({
      summary: 'Giáo viên chủ nhiệm báo em thường xuyên buồn bã.',
      riskRationale: 'Đánh giá ban đầu khi tiếp nhận.',
      masked: [],
    });
    await read(w.users.supervisorA, c.id);
    const viewed = await viewedOf(c.id);
    expect(viewed).toEqual([
      {
        actor_id: w.users.counsellorA.id,
        actor_role: 'counsellor',
        payload: { fields: ['summary', 'riskRationale'], role: 'counsellor' },
        request_id: 'req-read-0001',
      },
      {
        actor_id: w.users.supervisorA.id,
        actor_role: 'supervisor',
        payload: { fields: ['summary', 'riskRationale'], role: 'supervisor' },
        request_id: expect.any(String),
      },
    ]);
  });

  it('masks it for a counsellor not assigned, an auditor, and in lists, and records nothing for them', async () => {
    const c = await openCase(t, w);
    for (const who of [w.users.counsellorA2, w.users.auditorA]) {
      expect((await read(who, c.id)).body).toMatchObject({
        summary: null,
        riskRationale: null,
        masked: ['summary', 'riskRationale'],
      });
    }
    const list = await t.http().get('/api/cases').query({ pageSize: 100 }).set(auth(w.users.supervisorA)).expect(200);
    expect(list.body.items.every((i: { summary: string | null }) => i.summary === null)).toBe(true);
    const history = await t.http().get(`/api/cases/${c.id}/history`).set(auth(w.users.auditorA)).expect(200);
    expect(history.body.items[0]).toMatchObject({
      type: 'CASE_OPENED',
      payload: { summary: null, riskRationale: null, channel: 'giao_vien' },
      masked: ['summary', 'riskRationale'],
    });
    expect(await viewedOf(c.id)).toEqual([]);
  });

  it('gives a principal the content only through a live grant, audited in both chains', async () => {
    const { principalA: ht, adminW: admin } = w.users;
    let c = await openCase(t, w);
    c = await move(t, w.users.counsellorA, c, 'ADD_NOTE', { text: 'Em kể bị bạn cùng lớp đe dọa.' });
    expect((await read(ht, c.id)).body).toMatchObject({ summary: null, masked: ['summary', 'riskRationale'] });
    const maskedHistory = await t.http().get(`/api/cases/${c.id}/history`).set(auth(ht)).expect(200);
    expect(maskedHistory.body.items[1]).toMatchObject({ type: 'ADD_NOTE', payload: { text: null }, masked: ['text'] });
    expect(await viewedOf(c.id)).toEqual([]);

    await t
      .http()
      .post('/api/admin/grants')
      .set(auth(w.users.supervisorA))
      .send({ caseId: c.id, granteeId: ht.id, reason: 'x', expiresAt: '2026-03-09T17:00:00+07:00' })
      .expect(403);
    await t
      .http()
      .post('/api/admin/grants')
      .set(auth(admin))
      .send({ caseId: c.id, granteeId: w.users.principalB.id, reason: 'x', expiresAt: '2026-03-09T17:00:00+07:00' })
      .expect(422);
    await t
      .http()
      .post('/api/admin/grants')
      .set(auth(admin))
      .send({
        caseId: c.id,
        granteeId: ht.id,
        reason: 'Phối hợp với công an phường.',
        expiresAt: '2026-03-09T17:00:00+07:00',
      })
      .expect(201);

    expect((await read(ht, c.id)).body).toMatchObject({
      summary: 'Giáo viên chủ nhiệm báo em thường xuyên buồn bã.',
      masked: [],
    });
    const full = await t.http().get(`/api/cases/${c.id}/history`).set(auth(ht)).expect(200);
    expect(full.body.items.find((i: { type: string }) => i.type === 'ADD_NOTE').payload.text).toBe(
      'Em kể bị bạn cùng lớp đe dọa.',
    );
    const viewed = await viewedOf(c.id);
    expect(viewed.map((v) => [v.actor_role, v.payload.fields])).toEqual([
      ['principal', ['summary', 'riskRationale']],
      ['principal', ['ADD_NOTE.text', 'CASE_OPENED.riskRationale', 'CASE_OPENED.summary']],
    ]);
    const grantEvents = (
      await pg.query(`SELECT type FROM audit_event WHERE case_id = $1 AND type = 'GRANT_ISSUED'`, [c.id])
    ).rows;
    expect(grantEvents).toHaveLength(1);
    const adminChain = (await t.http().get('/api/admin/audit').set(auth(admin)).expect(200)).body.items;
    expect(adminChain.at(-1)).toMatchObject({
      type: 'GRANT_ISSUED',
      subjectId: ht.id,
      payload: { caseId: c.id, reason: 'Phối hợp với công an phường.' },
    });

    // Past its time, the grant is gone.
    t.clock.set('2026-03-10T08:00:00+07:00');
    expect((await read(ht, c.id)).body).toMatchObject({ summary: null });
    expect(await viewedOf(c.id)).toHaveLength(2);
  });

  it('ends a principal’s grant at once when the admin revokes it, in both chains', async () => {
    const { principalA: ht, adminW: admin } = w.users;
    const c = await openCase(t, w);
    const until = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
    // By the case's number, as the principal reads it (the admin reads no case); neither number nor id is a 400.
    const byNumber = { granteeId: ht.id, reason: 'Họp liên ngành.', expiresAt: until };
    const neither = await t.http().post('/api/admin/grants').set(auth(admin)).send(byNumber).expect(400);
    expect(neither.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['caseCode', 'caseId']);
    await t
      .http()
      .post('/api/admin/grants')
      .set(auth(admin))
      .send({ ...byNumber, caseCode: 'XX-2026-9999' })
      .expect(404);
    const grant = (
      await t
        .http()
        .post('/api/admin/grants')
        .set(auth(admin))
        .send({ ...byNumber, caseCode: String(c.code).toLowerCase() })
        .expect(201)
    ).body;
    expect(grant).toMatchObject({ caseId: c.id, caseCode: c.code });
    expect((await read(ht, c.id)).body.masked).toEqual([]);
    await t.http().post(`/api/admin/grants/${grant.id}/revoke`).set(auth(w.users.supervisorA)).expect(403);
    const revoked = (await t.http().post(`/api/admin/grants/${grant.id}/revoke`).set(auth(admin)).expect(200)).body;
    expect(revoked).toMatchObject({ id: grant.id, live: false, revokedBy: admin.id });
    expect((await read(ht, c.id)).body).toMatchObject({ summary: null, masked: ['summary', 'riskRationale'] });
    expect(await viewedOf(c.id)).toHaveLength(1);
    await t.http().post(`/api/admin/grants/${grant.id}/revoke`).set(auth(admin)).expect(409);
    const listed = (await t.http().get('/api/admin/grants').set(auth(admin)).expect(200)).body.items;
    expect(listed.find((g: { id: string }) => g.id === grant.id)).toMatchObject({
      caseCode: c.code,
      live: false,
      reason: 'Họp liên ngành.',
    });
    const caseTypes = (await pg.query(`SELECT type FROM audit_event WHERE case_id = $1 ORDER BY seq`, [c.id])).rows.map(
      (r) => r.type,
    );
    expect(caseTypes).toEqual(['CASE_OPENED', 'GRANT_ISSUED', 'VIEWED', 'GRANT_REVOKED']);
    expect((await t.http().get('/api/admin/audit').set(auth(admin)).expect(200)).body.items.at(-1)).toMatchObject({
      type: 'GRANT_REVOKED',
      subjectId: ht.id,
    });
    expect(
      (await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.supervisorA)).expect(200)).body.valid,
    ).toBe(true);
  });

  // A read of confidential content waits for a transition holding the case; its VIEWED must then record the
  // state the transition left, not the one the read saw before it waited.
  it('records a VIEWED made during a transition in the state after that transition', async () => {
    const c = await openCase(t, w);
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    let held = true;
    t.app.get(TransitionHooks).register({
      events: ['START_ASSESSMENT'],
      prepare: async (step) => {
        if (held && step.row.id === c.id) {
          entered();
          await gate;
        }
        return step.payload;
      },
    });
    const moving = sendEvent(t, w.users.counsellorA, c, 'START_ASSESSMENT').then((r) => r);
    await inside;
    const reading = read(w.users.supervisorA, c.id).then((r) => r);
    // The read has seen the case and now waits for the transition's lock.
    const waiting = async () =>
      (
        await pg.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      ).rows[0].n;
    for (let i = 0; (await waiting()) === 0; i++) {
      if (i > 200) throw new Error('the read never waited for the case lock');
      await new Promise((r) => setTimeout(r, 25));
    }
    held = false;
    release();
    expect((await moving).status).toBe(200);
    expect((await reading).status).toBe(200);
    const events = (
      await pg.query(`SELECT type, from_state, to_state FROM audit_event WHERE case_id = $1 ORDER BY seq`, [c.id])
    ).rows;
    expect(events).toEqual([
      { type: 'CASE_OPENED', from_state: null, to_state: 'intake' },
      { type: 'START_ASSESSMENT', from_state: 'intake', to_state: 'assessment' },
      { type: 'VIEWED', from_state: 'assessment', to_state: 'assessment' },
    ]);
    const verdict = await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.supervisorA)).expect(200);
    expect(verdict.body.valid).toBe(true);
  });
});

import { UserService } from '@dh/identity';
import { auth, Login, loginOf, PASSWORD, World } from '../support/fixtures';
import { openCase, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('auditor grants: an auditor reaches a school only while a grant for it is live', () => {
  let t: TestApp;
  let w: World;
  let inspector: Login;
  const cases = {} as Record<'a' | 'b', { id: string; version: number }>;
  const admin = () => auth(w.users.adminW);
  const issue = (body: Record<string, unknown>, by = admin()) =>
    t.http().post('/api/admin/auditor-grants').set(by).send(body);
  const reads = async (who: Login, caseId: string) => [
    (await t.http().get(`/api/cases/${caseId}`).set(auth(who))).status,
    (await t.http().get(`/api/cases/${caseId}/history`).set(auth(who))).status,
    (await t.http().get(`/api/cases/${caseId}/history/verify`).set(auth(who))).status,
  ];

  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w } = world);
    const user = await t.app.get(UserService).createUser({
      username: 'thanhtra.moi',
      fullName: 'Lê Văn Thanh',
      password: PASSWORD,
      roles: ['auditor'],
      wardId: null,
    });
    inspector = loginOf(t.app, user);
    cases.a = await openCase(t, w);
    cases.b = await openCase(t, w, { by: w.users.counsellorB, schoolId: w.schoolB });
  });

  it('without a grant the auditor reaches nothing, and schools set on the account do not count', async () => {
    expect((await t.http().get('/api/me').set(auth(inspector)).expect(200)).body.schoolIds).toEqual([]);
    expect(await reads(inspector, cases.a.id)).toEqual([404, 404, 404]);
    // Setting schools on an auditor's account is allowed, and gives them nothing.
    await t
      .http()
      .put(`/api/admin/users/${inspector.id}/access`)
      .set(admin())
      .send({ roles: ['auditor'], schoolIds: [w.schoolA] })
      .expect(200);
    expect((await t.http().get('/api/me').set(auth(inspector)).expect(200)).body.schoolIds).toEqual([]);
    expect(await reads(inspector, cases.a.id)).toEqual([404, 404, 404]);
    // An auditor's schools come from grants alone: no other role may ride along on the same account.
    const mixed = await t
      .http()
      .put(`/api/admin/users/${inspector.id}/access`)
      .set(admin())
      .send({ roles: ['auditor', 'counsellor'], schoolIds: [] })
      .expect(400);
    expect(mixed.body.details).toEqual([{ field: 'roles', label: 'Vai trò', problems: [expect.any(String)] }]);
  });

  it('refuses a grant to anyone but an enabled auditor, for an unknown school, or ending in the past; non-admins get 403', async () => {
    const good = {
      auditorId: inspector.id,
      schoolId: w.schoolA,
      reason: 'Kiểm tra theo kế hoạch.',
      expiresAt: '2026-03-20T17:00:00+07:00',
    };
    for (const [body, field] of [
      [{ ...good, auditorId: w.users.counsellorA.id }, 'auditorId'],
      [{ ...good, auditorId: w.users.adminW.id }, 'auditorId'],
      [{ ...good, schoolId: '00000000-0000-4000-8000-000000000000' }, 'schoolId'],
      [{ ...good, expiresAt: '2026-03-01T17:00:00+07:00' }, 'expiresAt'],
    ] as const) {
      const res = await issue(body).expect(422);
      expect(res.body).toMatchObject({ code: 'AUDITOR_GRANT_NOT_VALID', details: { field } });
      expect(res.body.message).toMatch(/thanh tra/);
    }
    const malformed = await issue({ auditorId: 'x', schoolId: w.schoolA, reason: ' ', expiresAt: 'mai' }).expect(400);
    expect(malformed.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'auditorId',
      'expiresAt',
      'reason',
    ]);
    for (const who of [w.users.supervisorA, w.users.principalA, w.users.auditorA, w.users.wardW]) {
      await issue(good, auth(who)).expect(403);
      await t.http().get('/api/admin/auditor-grants').set(auth(who)).expect(403);
      await t
        .http()
        .post('/api/admin/auditor-grants/00000000-0000-4000-8000-000000000000/revoke')
        .set(auth(who))
        .expect(403);
    }
    await t
      .http()
      .post('/api/admin/auditor-grants/00000000-0000-4000-8000-000000000000/revoke')
      .set(admin())
      .expect(404);
    // A disabled auditor may not be granted anything.
    const gone = await t.app
      .get(UserService)
      .createUser({ username: 'thanhtra.cu', fullName: 'Trần Cũ', password: PASSWORD, roles: ['auditor'] });
    await t.http().post(`/api/admin/users/${gone.id}/disable`).set(admin()).expect(204);
    expect((await issue({ ...good, auditorId: gone.id }).expect(422)).body.details).toEqual({ field: 'auditorId' });
  });

  it('a grant lets the auditor read history, verify and the masked case of that school only, and write nothing', async () => {
    const granted = await issue({
      auditorId: inspector.id,
      schoolId: w.schoolA,
      reason: 'Kiểm tra theo kế hoạch.',
      expiresAt: '2026-03-20T17:00:00+07:00',
    }).expect(201);
    expect(granted.body).toMatchObject({
      auditorId: inspector.id,
      schoolId: w.schoolA,
      live: true,
      revokedAt: null,
      expiresAt: '2026-03-20T10:00:00.000Z',
    });
    expect((await t.http().get('/api/me').set(auth(inspector)).expect(200)).body.schoolIds).toEqual([w.schoolA]);
    expect(await reads(inspector, cases.a.id)).toEqual([200, 200, 200]);
    expect(await reads(inspector, cases.b.id)).toEqual([404, 404, 404]);
    const view = (await t.http().get(`/api/cases/${cases.a.id}`).set(auth(inspector)).expect(200)).body;
    expect(view).toMatchObject({
      summary: null,
      riskRationale: null,
      masked: ['summary', 'riskRationale'],
      allowedEvents: [],
    });
    expect(
      (await t.http().get(`/api/cases/${cases.a.id}/history/verify`).set(auth(inspector)).expect(200)).body,
    ).toEqual({ valid: true, events: 1 });

    expect((await sendEvent(t, inspector, cases.a, 'ADD_NOTE', { text: 'thanh tra ghi' })).status).toBe(403);
    expect(
      (await t.http().post(`/api/cases/${cases.a.id}/clocks/pause`).set(auth(inspector)).send({ reason: 'x' })).status,
    ).toBe(403);
    const learner = {
      schoolId: w.schoolA,
      fullName: 'Học Sinh Thanh Tra',
      dateOfBirth: '2013-01-01',
      sex: 'nam',
      className: '7A',
    };
    expect((await t.http().post('/api/learners').set(auth(inspector)).send(learner)).status).toBe(403);
    expect(
      (
        await t
          .http()
          .post('/api/reports')
          .set(auth(inspector))
          .send({ schoolId: w.schoolA, kind: 'school_year', schoolYear: '2025-2026' })
      ).status,
    ).toBe(403);
    expect((await sendEvent(t, inspector, cases.b, 'ADD_NOTE', { text: 'thanh tra ghi' })).status).toBe(404);
  });

  it('ends at its expiry, to the second', async () => {
    t.clock.set('2026-03-20T16:59:59+07:00');
    expect(await reads(inspector, cases.a.id)).toEqual([200, 200, 200]);
    t.clock.set('2026-03-20T17:00:00+07:00');
    expect(await reads(inspector, cases.a.id)).toEqual([404, 404, 404]);
    expect((await t.http().get('/api/me').set(auth(inspector)).expect(200)).body.schoolIds).toEqual([]);
  });

  it('ends at once when the admin revokes it; a revoked grant cannot be revoked again', async () => {
    const g = await issue({
      auditorId: inspector.id,
      schoolId: w.schoolB,
      reason: 'Thanh tra đột xuất.',
      expiresAt: '2026-06-30T17:00:00+07:00',
    }).expect(201);
    expect(await reads(inspector, cases.b.id)).toEqual([200, 200, 200]);
    const revoked = await t.http().post(`/api/admin/auditor-grants/${g.body.id}/revoke`).set(admin()).expect(200);
    expect(revoked.body).toMatchObject({
      id: g.body.id,
      live: false,
      revokedBy: w.users.adminW.id,
      revokedAt: t.clock.now().toISOString(),
    });
    expect(await reads(inspector, cases.b.id)).toEqual([404, 404, 404]);
    expect(
      (await t.http().post(`/api/admin/auditor-grants/${g.body.id}/revoke`).set(admin()).expect(409)).body.code,
    ).toBe('AUDITOR_GRANT_ENDED');

    const list = (await t.http().get('/api/admin/auditor-grants').set(admin()).expect(200)).body.items;
    const mine = list.filter((i: { auditorId: string }) => i.auditorId === inspector.id);
    expect(
      mine.map((i: { schoolId: string; live: boolean; revokedAt: string | null }) => [
        i.schoolId,
        i.live,
        i.revokedAt !== null,
      ]),
    ).toEqual([
      [w.schoolB, false, true],
      [w.schoolA, false, false],
    ]);
  });

  it('puts every issue and revoke in the admin chain, which stays valid', async () => {
    const chain = (await t.http().get('/api/admin/audit').set(admin()).expect(200)).body.items;
    const grants = chain.filter((e: { type: string }) => e.type.startsWith('AUDITOR_GRANT_'));
    expect(
      grants.map((e: { type: string; actorId: string; subjectId: string; payload: { schoolId: string } }) => [
        e.type,
        e.actorId,
        e.subjectId,
        e.payload.schoolId,
      ]),
    ).toEqual([
      ['AUDITOR_GRANT_ISSUED', w.users.adminW.id, inspector.id, w.schoolA],
      ['AUDITOR_GRANT_ISSUED', w.users.adminW.id, inspector.id, w.schoolB],
      ['AUDITOR_GRANT_REVOKED', w.users.adminW.id, inspector.id, w.schoolB],
    ]);
    expect(grants[0].payload).toEqual({
      grantId: expect.any(String),
      auditorId: inspector.id,
      schoolId: w.schoolA,
      reason: 'Kiểm tra theo kế hoạch.',
      expiresAt: '2026-03-20T10:00:00.000Z',
    });
    expect((await t.http().get('/api/admin/audit/verify').set(admin()).expect(200)).body).toEqual({
      valid: true,
      events: chain.length,
    });
  });

  it('lets the inspector check the admin chain, which shows them no content, and nobody else', async () => {
    expect((await t.http().get('/api/admin/audit/verify').set(auth(w.users.auditorA)).expect(200)).body).toEqual({
      valid: true,
      events: expect.any(Number),
    });
    await t.http().get('/api/admin/audit/verify').set(auth(w.users.supervisorA)).expect(403);
    await t.http().get('/api/admin/audit').set(auth(w.users.auditorA)).expect(403);
  });
});

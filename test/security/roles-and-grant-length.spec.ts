import { UserService } from '@dh/identity';
import { auth, loginOf, PASSWORD, World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const DAY_MS = 86_400_000;

describe('roles are a set, and no grant outlives the configured maximum (GRANT_MAX_DAYS, one school year by default)', () => {
  let t: TestApp;
  let w: World;
  const admin = () => auth(w.users.adminW);
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY_MS).toISOString();

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('stores duplicate roles once, on creating an account and on changing its access', async () => {
    const created = await t
      .http()
      .post('/api/admin/users')
      .set(admin())
      .send({
        username: 'tv.lap',
        fullName: 'Trần Lặp',
        password: 'mat-khau-ban-dau',
        roles: ['counsellor', 'counsellor', 'counsellor'],
        schoolIds: [w.schoolA],
      })
      .expect(201);
    expect(created.body.roles).toEqual(['counsellor']);
    const changed = await t
      .http()
      .put(`/api/admin/users/${created.body.id}/access`)
      .set(admin())
      .send({ roles: ['supervisor', 'counsellor', 'supervisor', 'counsellor'], schoolIds: [w.schoolA] })
      .expect(200);
    expect(changed.body.roles).toEqual(['supervisor', 'counsellor']);
    const listed = (await t.http().get('/api/admin/users').set(admin()).expect(200)).body;
    const items = Array.isArray(listed) ? listed : listed.items;
    expect(items.find((u: { id: string }) => u.id === created.body.id).roles).toEqual(['supervisor', 'counsellor']);
    // Two auditor entries are still the auditor alone, not a mixed account.
    const inspector = await t.app
      .get(UserService)
      .createUser({ username: 'thanhtra.lap', fullName: 'Lê Lặp', password: PASSWORD, roles: ['auditor'] });
    const twice = await t
      .http()
      .put(`/api/admin/users/${inspector.id}/access`)
      .set(admin())
      .send({ roles: ['auditor', 'auditor'], schoolIds: [] })
      .expect(200);
    expect(twice.body.roles).toEqual(['auditor']);
  });

  it('refuses an auditor grant until 9999, or a day past one school year, naming expiresAt in Vietnamese; a year is accepted', async () => {
    const inspector = loginOf(
      t.app,
      await t.app
        .get(UserService)
        .createUser({ username: 'thanhtra.han', fullName: 'Lê Hạn', password: PASSWORD, roles: ['auditor'] }),
    );
    const issue = (expiresAt: string) =>
      t
        .http()
        .post('/api/admin/auditor-grants')
        .set(admin())
        .send({ auditorId: inspector.id, schoolId: w.schoolA, reason: 'Kiểm tra theo kế hoạch.', expiresAt });
    for (const expiresAt of ['9999-12-31T23:59:59Z', inDays(366)]) {
      const res = await issue(expiresAt).expect(422);
      expect(res.body).toMatchObject({ code: 'GRANT_TOO_LONG', details: { field: 'expiresAt', maxDays: 365 } });
      expect(res.body.message).toMatch(/Thời hạn/);
    }
    const before = (await t.http().get('/api/admin/auditor-grants').set(admin()).expect(200)).body;
    expect(JSON.stringify(before)).not.toContain(inspector.id);
    await issue(inDays(365)).expect(201);
  });

  it('caps a principal’s confidential grant the same way', async () => {
    const c = await openCase(t, w);
    const grant = (expiresAt: string) =>
      t
        .http()
        .post('/api/admin/grants')
        .set(admin())
        .send({ caseId: c.id, granteeId: w.users.principalA.id, reason: 'Họp liên ngành.', expiresAt });
    const res = await grant('9999-12-31T23:59:59Z').expect(422);
    expect(res.body).toMatchObject({ code: 'GRANT_TOO_LONG', details: { field: 'expiresAt', maxDays: 365 } });
    await grant(inDays(30)).expect(201);
  });
});

describe('GRANT_MAX_DAYS sets the cap', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld({ GRANT_MAX_DAYS: '30' });
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('refuses 31 days when the cap is 30', async () => {
    const inspector = await t.app
      .get(UserService)
      .createUser({ username: 'thanhtra.ngan', fullName: 'Lê Ngắn', password: PASSWORD, roles: ['auditor'] });
    const issue = (days: number) =>
      t
        .http()
        .post('/api/admin/auditor-grants')
        .set(auth(w.users.adminW))
        .send({
          auditorId: inspector.id,
          schoolId: w.schoolA,
          reason: 'Kiểm tra.',
          expiresAt: new Date(t.clock.now().getTime() + days * DAY_MS).toISOString(),
        });
    expect((await issue(31).expect(422)).body.details).toMatchObject({ field: 'expiresAt', maxDays: 30 });
    await issue(30).expect(201);
  });
});

import { Client } from 'pg';
import { auth, World } from '../support/fixtures';
import { useCliAgainst } from '../support/cli';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('the admin’s work on accounts, in a chain of its own', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  // The one spec file on the production password cost: the others use a cheap hasher (test/support/cheap-password-hasher.ts).
  const world = useTestWorld({}, { realPasswordHasher: true });
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  it('creates a user, sets roles and schools, resets and disables, each an event of the admin chain', async () => {
    const admin = auth(w.users.adminW);
    const created = await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({
        username: 'tv.moi',
        fullName: 'Trần Thị Mới',
        password: 'mat-khau-ban-dau',
        roles: ['counsellor'],
        schoolIds: [w.schoolA],
      })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'tv.moi', roles: ['counsellor'], schoolIds: [w.schoolA] });
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'tv.moi', password: 'mat-khau-ban-dau' })
      .expect(200);
    expect(login.body.user.schoolIds).toEqual([w.schoolA]);
    // argon2id at the library's default cost (64 MiB, three passes, four lanes), as written into the hash.
    const { rows } = await pg.query(`SELECT password_hash FROM app_user WHERE username = 'tv.moi'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);

    await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({ username: 'tv.moi', fullName: 'x', password: 'mat-khau-khac', roles: ['counsellor'], schoolIds: [] })
      .expect(409);
    const bad = await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({ username: 'X Y', fullName: '', password: 'ngan', roles: ['king'], schoolIds: ['nope'] })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['username', 'fullName', 'password', 'roles', 'schoolIds']),
    );

    const moved = await t
      .http()
      .put(`/api/admin/users/${created.body.id}/access`)
      .set(admin)
      .send({ roles: ['counsellor', 'supervisor'], schoolIds: [w.schoolB] })
      .expect(200);
    expect(moved.body).toMatchObject({ roles: ['counsellor', 'supervisor'], schoolIds: [w.schoolB] });
    // The new school applies to the token already held: roles and schools are read at every request.
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body.schoolIds).toEqual([w.schoolB]);

    await t
      .http()
      .post(`/api/admin/users/${created.body.id}/reset-password`)
      .set(admin)
      .send({ newPassword: 'mat-khau-moi-nhat' })
      .expect(204);
    await t.http().post(`/api/admin/users/${created.body.id}/disable`).set(admin).expect(204);
    await t
      .http()
      .put(`/api/admin/users/${created.body.id}/access`)
      .set(auth(w.users.supervisorA))
      .send({ roles: ['admin'], schoolIds: [] })
      .expect(403);

    const chain = (await t.http().get('/api/admin/audit').set(admin).expect(200)).body.items;
    expect(
      chain.map((e: { type: string; actorId: string; subjectId: string }) => [e.type, e.actorId, e.subjectId]),
    ).toEqual([
      ['USER_CREATED', w.users.adminW.id, created.body.id],
      ['USER_ACCESS_CHANGED', w.users.adminW.id, created.body.id],
      ['PASSWORD_RESET', w.users.adminW.id, created.body.id],
      ['USER_DISABLED', w.users.adminW.id, created.body.id],
    ]);
    expect(JSON.stringify(chain)).not.toContain('mat-khau');
    expect(chain[1].payload).toEqual({
      before: { roles: ['counsellor'], schoolIds: [w.schoolA], wardId: null },
      after: { roles: ['counsellor', 'supervisor'], schoolIds: [w.schoolB], wardId: null },
    });
    expect((await t.http().get('/api/admin/audit/verify').set(admin).expect(200)).body).toEqual({
      valid: true,
      events: 4,
    });
    await t.http().get('/api/admin/audit').set(auth(w.users.auditorA)).expect(403);
  });

  it('refuses changes to the chain, and catches one made behind the trigger’s back', async () => {
    await expect(pg.query(`UPDATE admin_audit_event SET type = 'X' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await pg.query(`ALTER TABLE admin_audit_event DISABLE TRIGGER admin_audit_event_no_update_delete`);
    await pg.query(
      `UPDATE admin_audit_event SET payload = jsonb_set(payload, '{after,roles}', '["admin"]') WHERE seq = 2`,
    );
    await pg.query(`ALTER TABLE admin_audit_event ENABLE TRIGGER admin_audit_event_no_update_delete`);
    expect((await t.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body).toEqual({
      valid: false,
      events: 4,
      firstInvalidSeq: 2,
    });
    const verify = await cli(['verify']);
    expect(verify.code).toBe(1);
    expect(verify.err).toContain('admin chain: first invalid event seq 2');
  });
});

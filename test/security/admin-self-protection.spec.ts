import { Client } from 'pg';
import { UserService } from '@dh/identity';
import { auth, Login, loginOf, PASSWORD, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('admins cannot lock the system out of administration', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const access = (by: Login, who: Login, roles: string[]) =>
    t.http().put(`/api/admin/users/${who.id}/access`).set(auth(by)).send({ roles, schoolIds: [] });
  const disable = (by: Login, who: Login) => t.http().post(`/api/admin/users/${who.id}/disable`).set(auth(by));
  const enabledAdmins = async () =>
    (await pg.query(`SELECT count(*)::int AS n FROM app_user WHERE 'admin' = ANY(roles) AND disabled_at IS NULL`))
      .rows[0].n as number;
  const newAdmin = async (username: string) =>
    loginOf(
      t.app,
      await t.app
        .get(UserService)
        .createUser({ username, fullName: `Quản trị ${username}`, password: PASSWORD, roles: ['admin'] }),
    );

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  it('an admin cannot remove their own admin role or disable themselves (409), and nothing changes', async () => {
    const me = w.users.adminW;
    const demote = await access(me, me, ['supervisor']).expect(409);
    expect(demote.body).toMatchObject({ code: 'OWN_ADMIN_ACCESS', message: expect.stringMatching(/chính mình/) });
    const off = await disable(me, me).expect(409);
    expect(off.body.code).toBe('OWN_ADMIN_ACCESS');
    // Changing their own access while staying an admin is allowed.
    expect((await access(me, me, ['admin', 'admin']).expect(200)).body.roles).toEqual(['admin']);
    await t.http().get('/api/me').set(auth(me)).expect(200);
    const chain = (await t.http().get('/api/admin/audit').set(auth(me)).expect(200)).body.items;
    expect(chain.filter((e: { type: string }) => e.type === 'USER_DISABLED')).toEqual([]);
  });

  it('another admin can be demoted or disabled while one stays', async () => {
    const other = await newAdmin('quantri.hai');
    await access(w.users.adminW, other, ['supervisor']).expect(200);
    const third = await newAdmin('quantri.ba');
    await disable(w.users.adminW, third).expect(204);
    expect(await enabledAdmins()).toBe(1);
  });

  it('two admins demoting each other at the same moment: one wins, the last enabled admin stays (409 in Vietnamese)', async () => {
    const a = await newAdmin('quantri.a');
    const b = await newAdmin('quantri.b');
    // The old admin steps aside through a third admin, so a and b are the only ones left.
    const c = await newAdmin('quantri.c');
    await disable(c, w.users.adminW).expect(204);
    await disable(a, c).expect(204);
    expect(await enabledAdmins()).toBe(2);

    // Hold both accounts' rows, so both requests are past their login checks and wait at the same point.
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM app_user WHERE id = ANY($1) FOR UPDATE`, [[a.id, b.id]]);
      const racing = [access(a, b, ['supervisor']).then((r) => r), disable(b, a).then((r) => r)];
      for (let i = 0; i < 5000; i++) {
        const { rows } = await pg.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n >= 2) break;
        await new Promise((r) => setImmediate(r));
      }
      await holder.query('COMMIT');
      const statuses = (await Promise.all(racing)).map((r) => r.status).sort();
      const results = await Promise.all(racing);
      expect(statuses.filter((s) => s < 300)).toHaveLength(1);
      const refused = results.find((r) => r.status >= 300)!;
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'LAST_ADMIN',
        message: expect.stringMatching(/ít nhất một quản trị viên/),
      });
    } finally {
      await holder.end();
    }
    expect(await enabledAdmins()).toBe(1);
  });
});

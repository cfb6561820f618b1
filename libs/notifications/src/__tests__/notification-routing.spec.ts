import { DataSource } from 'typeorm';
import { useTestWorld } from '../../../../test/support/test-world';
import { NotificationRouting } from '../notification-routing';

// Where each alert goes outside the app, on the real database: the choices as stored, the accounts as they are.
describe('NotificationRouting', () => {
  const world = useTestWorld();
  let sut: NotificationRouting;
  let source: DataSource;
  beforeAll(() => {
    sut = world.t.app.get(NotificationRouting);
    source = world.t.app.get(DataSource);
  });

  const users = () => world.w.users;
  const setContact = (id: string, email: string | null, phone: string | null = null) =>
    world.pg.query('UPDATE app_user SET email = $2, phone = $3 WHERE id = $1', [id, email, phone]);
  const choose = (userId: string, channel: string, level: string, mode: string) =>
    world.pg.query(
      `INSERT INTO notification_preference (user_id, channel, level, mode) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, channel, level) DO UPDATE SET mode = EXCLUDED.mode`,
      [userId, channel, level, mode],
    );
  const routes = (userId: string, level: string) =>
    sut.routesFor(source.manager, [{ userId, level }]).then((r) => r.map((x) => `${x.channel}:${x.mode}`));

  it('sends every alert at once on both channels by default, with the address and phone to use', async () => {
    const { supervisorA } = users();
    await setContact(supervisorA.id, 'gs.a@thcs.edu.vn', '+84912345678');
    expect(await sut.routesFor(source.manager, [{ userId: supervisorA.id, level: 'overdue' }])).toEqual([
      {
        userId: supervisorA.id,
        level: 'overdue',
        channel: 'email',
        mode: 'immediate',
        email: 'gs.a@thcs.edu.vn',
        phone: '+84912345678',
      },
      {
        userId: supervisorA.id,
        level: 'overdue',
        channel: 'webhook',
        mode: 'immediate',
        email: 'gs.a@thcs.edu.vn',
        phone: '+84912345678',
      },
    ]);
  });

  it('leaves out a channel turned off and holds one chosen for the digest, for that level only', async () => {
    const { supervisorA2 } = users();
    await setContact(supervisorA2.id, 'gs.a2@thcs.edu.vn');
    await choose(supervisorA2.id, 'email', 'reminder', 'off');
    await choose(supervisorA2.id, 'webhook', 'reminder', 'digest');
    expect(await routes(supervisorA2.id, 'reminder')).toEqual(['webhook:digest']);
    expect(await routes(supervisorA2.id, 'overdue')).toEqual(['email:immediate', 'webhook:immediate']);
  });

  it('sends critical risk and protection at once whatever is stored against them', async () => {
    const { principalA } = users();
    await setContact(principalA.id, 'ht.a@thcs.edu.vn');
    await choose(principalA.id, 'email', 'critical_risk', 'off');
    await choose(principalA.id, 'webhook', 'critical_risk', 'digest');
    await choose(principalA.id, 'email', 'protection', 'digest');
    await choose(principalA.id, 'webhook', 'protection', 'off');
    expect(await routes(principalA.id, 'critical_risk')).toEqual(['email:immediate', 'webhook:immediate']);
    expect(await routes(principalA.id, 'protection')).toEqual(['email:immediate', 'webhook:immediate']);
  });

  it('sends no e-mail to a person without an address: the gateway only', async () => {
    const { counsellorA } = users();
    await setContact(counsellorA.id, null, '+84987654321');
    expect(await routes(counsellorA.id, 'overdue')).toEqual(['webhook:immediate']);
  });

  it('sends nothing to a disabled account', async () => {
    const { counsellorB } = users();
    await setContact(counsellorB.id, 'tv.b@th.edu.vn');
    await world.pg.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [counsellorB.id]);
    expect(await routes(counsellorB.id, 'critical_risk')).toEqual([]);
  });

  it('routes a flood of the public form by the public report choice, and a level nobody chooses about nowhere', async () => {
    const { wardW } = users();
    await setContact(wardW.id, 'phuong@ubnd.gov.vn');
    await choose(wardW.id, 'email', 'public_intake', 'off');
    await choose(wardW.id, 'webhook', 'public_intake', 'digest');
    const flood = await sut.routesFor(source.manager, [{ userId: wardW.id, level: 'public_intake_flood' }]);
    expect(flood.map((r) => ({ level: r.level, channel: r.channel, mode: r.mode }))).toEqual([
      { level: 'public_intake_flood', channel: 'webhook', mode: 'digest' },
    ]);
    expect(await routes(wardW.id, 'something_else')).toEqual([]);
  });

  it('answers for several recipients in one call, each by their own choices', async () => {
    const { supervisorA, supervisorA2, counsellorA } = users();
    const all = await sut.routesFor(source.manager, [
      { userId: supervisorA.id, level: 'reminder' },
      { userId: supervisorA2.id, level: 'reminder' },
      { userId: counsellorA.id, level: 'reminder' },
    ]);
    expect(
      all.map(
        (r) =>
          `${r.userId === supervisorA.id ? 'A' : r.userId === supervisorA2.id ? 'A2' : 'C'}:${r.channel}:${r.mode}`,
      ),
    ).toEqual(['A:email:immediate', 'A:webhook:immediate', 'A2:webhook:digest', 'C:webhook:immediate']);
  });
});

import { auth, buildWorld, World } from '../support/fixtures';
import { createLearner } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { asAdmin, createTestDatabase, TestDatabase } from '../setup/test-database';

const admin = (sql: string) => asAdmin((c) => c.query(sql));

// The app reaches its own database through a loopback relay, so a test can drop its connections under it.
describe('the database goes away under a running server', () => {
  let t: TestApp;
  let w: World;
  let db: TestDatabase;
  let proxy: TcpProxy;

  beforeAll(async () => {
    db = await createTestDatabase();
    const server = new URL(db.url);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    t = await startTestApp({ DATABASE_URL: proxy.url(db.url) }, { database: db });
    w = await buildWorld(t.app);
  });

  afterAll(async () => {
    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await t?.close();
    await proxy?.close();
    await db?.drop();
  });

  const list = () => t.http().get('/api/cases').set(auth(w.users.supervisorA));
  // Enough at once that the pool holds several connections, idle afterwards.
  const fillPool = async () => {
    const all = await Promise.all(Array.from({ length: 6 }, () => list()));
    expect(all.map((r) => r.status)).toEqual(Array(6).fill(200));
  };

  it('reconnects and answers when the connections it held were dropped while idle in the pool', async () => {
    await fillPool();
    proxy.sever();
    const after = await list();
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 200, code: undefined });
    // A write too: its transaction had not begun when its connection turned out to be gone.
    await fillPool();
    proxy.sever();
    await createLearner(t, w.users.counsellorA, w.schoolA);
    await fillPool();
  });

  it('answers 503 with Retry-After and a Vietnamese message while the database refuses connections, and recovers', async () => {
    await fillPool();
    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}'`);

    for (const res of [await list(), await t.http().post('/api/learners').set(auth(w.users.counsellorA)).send({ schoolId: w.schoolA, fullName: 'Lê Văn Tạm', dateOfBirth: '2013-05-14', sex: 'nam', className: '7A1', confirmDistinct: true })]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'DATABASE_UNAVAILABLE', details: { retryAfterSeconds: Number(res.headers['retry-after']) } });
      expect(res.body.message).toMatch(/cơ sở dữ liệu/i);
    }

    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toMatch(/^\d+$/);
    expect(health.body).toMatchObject({ statusCode: 503, code: 'UNHEALTHY', details: { database: { status: 'down' } } });
    expect(health.body.message).toMatch(/cơ sở dữ liệu/i);

    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS true`);
    expect((await list()).status).toBe(200);
    const healthy = await t.http().get('/api/health').expect(200);
    expect(healthy.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });
});

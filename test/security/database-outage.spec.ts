import { DataSource } from 'typeorm';
import { dataSourceOptions, withConnectionRetry } from '@dh/database';
import { auth, buildWorld, World } from '../support/fixtures';
import { createLearner } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { asAdmin, createTestDatabase, TestDatabase } from '../setup/test-database';

const admin = async (sql: string, database?: string) => (await asAdmin((c) => c.query(sql), database)).rows;

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

    for (const res of [
      await list(),
      await t.http().post('/api/learners').set(auth(w.users.counsellorA)).send({
        schoolId: w.schoolA,
        fullName: 'Lê Văn Tạm',
        dateOfBirth: '2013-05-14',
        sex: 'nam',
        className: '7A1',
        confirmDistinct: true,
      }),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'DATABASE_UNAVAILABLE',
        details: { retryAfterSeconds: Number(res.headers['retry-after']) },
      });
      expect(res.body.message).toMatch(/cơ sở dữ liệu/i);
    }

    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toMatch(/^\d+$/);
    expect(health.body).toMatchObject({
      statusCode: 503,
      code: 'UNHEALTHY',
      details: { database: { status: 'down' } },
    });
    expect(health.body.message).toMatch(/cơ sở dữ liệu/i);

    await admin(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS true`);
    expect((await list()).status).toBe(200);
    const healthy = await t.http().get('/api/health').expect(200);
    expect(healthy.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });
});

// What is retried and what is not, on a data source of the application's kind through the same relay.
describe('the retry of a lost connection never repeats what may have been stored', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let source: DataSource;
  const count = async () => (await admin(`SELECT count(*)::int AS n FROM retry_probe`, db.name))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    await admin(`CREATE TABLE retry_probe (n int)`, db.name);
    const server = new URL(db.url);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    source = withConnectionRetry(
      new DataSource({ ...dataSourceOptions({ url: proxy.url(db.url), embedded: false }), logging: false }),
    );
    await source.initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await proxy?.close();
    await db?.drop();
  });

  it('runs a read or a transaction again when its connection died idle, but not a bare write', async () => {
    await source.query(`SELECT 1`);
    proxy.sever();
    expect(await source.query(`SELECT 2 AS n`)).toEqual([{ n: 2 }]);
    proxy.sever();
    await source.transaction((tx) => tx.query(`INSERT INTO retry_probe VALUES (1)`));
    expect(await count()).toBe(1);
    // An INSERT outside a transaction may have been carried out when its connection broke: it is not repeated.
    proxy.sever();
    await expect(source.query(`INSERT INTO retry_probe VALUES (2)`)).rejects.toThrow(/Connection terminated/);
    expect(await count()).toBe(1);
  });

  it('fails a transaction whose connection is lost after it began, without running it again', async () => {
    let runs = 0;
    const work = source.transaction(async (tx) => {
      runs += 1;
      await tx.query(`INSERT INTO retry_probe VALUES (3)`);
      proxy.sever();
      await tx.query(`SELECT 1`);
    });
    await expect(work).rejects.toThrow(/Connection terminated/);
    expect(runs).toBe(1);
    expect(await count()).toBe(1);
    expect(await source.query(`SELECT 3 AS n`)).toEqual([{ n: 3 }]);
  });
});

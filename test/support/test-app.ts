import { INestApplication, LoggerService } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { Clock, ManualClock } from '@dh/clock';
import { AppConfig, loadConfig } from '@dh/config';
import { PasswordHasher } from '@dh/identity';
import { createTestDatabase, TestDatabase } from '../setup/test-database';
import { CheapPasswordHasher } from './cheap-password-hasher';

export type TestApp = {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  clock: ManualClock;
  db: TestDatabase;
  config: AppConfig;
  close: () => Promise<void>;
};

// `database`: a second instance on another test's database (a restart, a rotation), left for its owner to drop.
// `logger`: the server's log output, for tests that read it.
// `realPasswordHasher`: argon2id at the production cost instead of the fixtures' cheap one.
export type TestAppOptions = { database?: TestDatabase; logger?: LoggerService; realPasswordHasher?: boolean };

// The real server (same module, same pipes and filter as main) on a fresh PostgreSQL database, with a clock the test moves.
export const startTestApp = async (
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> => {
  const db = options.database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-test-'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
    DATA_KEY: 'test-data-key-that-is-long-enough-0123456789',
    SEED_DEMO: 'false',
    SCHEDULER_ENABLED: 'false',
    // The public form's proof of work, kept trivial so that solving it costs the tests nothing.
    ALTCHA_COST: '1',
    ALTCHA_MAX_NUMBER: '20',
    ...env,
  });
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock);
  const moduleRef = await (
    options.realPasswordHasher ? builder : builder.overrideProvider(PasswordHasher).useClass(CheapPasswordHasher)
  ).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: options.logger ?? ['error'],
  });
  configureApp(app);
  try {
    await app.init();
  } catch (e) {
    // A start refused (a wrong key, say) must not leave its pool open.
    await app.close().catch(() => undefined);
    if (!options.database) await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    clock,
    db,
    config,
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

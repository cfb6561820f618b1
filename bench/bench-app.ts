import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '@dh/config';

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// A throwaway database and the application's modules on it, dropped afterwards whatever happens. `env` adds to
// the configuration (a mail server, a gateway).
export const withBenchApp = async (
  name: string,
  run: (app: INestApplicationContext, url: string) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> => {
  const dbName = `dh_bench_${name}_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    DATA_DIR: `/tmp/${dbName}`,
    SCHEDULER_ENABLED: 'false',
    SEED_DEMO: 'false',
    ...env,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    await run(app, url.toString());
  } finally {
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
};

// The flags `npm run start:prod` gives node, before the entry file.
export const startFlags = (): string[] => {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return scripts['start:prod'].split(' ').filter((word) => word.startsWith('--'));
};

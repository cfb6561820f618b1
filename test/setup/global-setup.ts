import { randomBytes } from 'node:crypto';
import type { Config } from '@jest/types';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/run-migrations';
import { BUILT_CLI_SPEC, ensureBuiltCli } from './built-cli';
import { ensureBuiltWeb, webSpecs } from './built-web';
import { startEmbeddedTestServer } from './embedded-test-server';
import { adminUrl, TEST_DB_PREFIX, withDatabase } from './test-database';

// One template database per run, migrated once; each test file clones it (CREATE DATABASE … TEMPLATE)
// so files run in parallel without seeing each other's rows.
// Without TEST_DATABASE_URL the run starts its own server first (embedded-test-server.ts); CI sets it.
export default async function globalSetup(config: Config.GlobalConfig): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = await startEmbeddedTestServer();
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(name));
  process.env.DH_TEST_TEMPLATE_DB = name;
  // The chain sweep's worker threads load the TypeScript sources through this hook (test files inherit the env).
  process.env.DH_TS_REGISTER = require.resolve('../support/swc-register.js');
  // Built here, before any file's clock starts, and only for a run that holds the spec which needs it.
  const inRun = (path: string) => config.testPathPatterns.toExecutor({ rootDir: config.rootDir }).isMatch(path);
  const built = [
    inRun(BUILT_CLI_SPEC) && { what: 'npm run build', ms: ensureBuiltCli() },
    webSpecs().some(inRun) && { what: 'npm run build:web', ms: ensureBuiltWeb() },
  ];
  for (const b of built) {
    if (b && b.ms) process.stderr.write(`\nglobal set-up: ${b.what} took ${Math.round(b.ms / 1000)} s\n`);
  }
}

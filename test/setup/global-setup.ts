import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/run-migrations';
import { adminUrl, TEST_DB_PREFIX, withDatabase } from './test-database';

// One template database per run, migrated once; each test file clones it (CREATE DATABASE … TEMPLATE)
// so files run in parallel without seeing each other's rows.
export default async function globalSetup(): Promise<void> {
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
}

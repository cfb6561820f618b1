import { Client } from 'pg';
import { stopEmbeddedTestServer } from './embedded-test-server';
import { adminUrl } from './test-database';

export default async function globalTeardown(): Promise<void> {
  try {
    await dropTestDatabases();
  } finally {
    await stopEmbeddedTestServer();
  }
}

const dropTestDatabases = async (): Promise<void> => {
  const template = process.env.DH_TEST_TEMPLATE_DB;
  if (!template) return;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    // Clones are named after the template; drop whatever a crashed file left behind too.
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${template}%`,
    ]);
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
};

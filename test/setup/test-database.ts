import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEST_DB_PREFIX = 'dh_test_';

export const adminUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const withDatabase = (name: string): string => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

// A fresh, migrated database for one test file, cloned from the run's template.
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const template = process.env.DH_TEST_TEMPLATE_DB;
  if (!template) throw new Error('DH_TEST_TEMPLATE_DB is not set: run the tests through jest (npm test)');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const drop = async (): Promise<void> => {
    const c = new Client({ connectionString: adminUrl() });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return { url: withDatabase(name), name, drop };
};

// A statement or two as the server's administrator (roles, ALLOW_CONNECTIONS, terminating backends), on one
// short connection; `database` picks another database than TEST_DATABASE_URL's.
export const asAdmin = async <T>(work: (c: Client) => Promise<T>, database?: string): Promise<T> => {
  const c = new Client({ connectionString: database ? withDatabase(database) : adminUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
};

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

type Held = { server: EmbeddedPostgres; dir: string };
// Global setup and teardown run in one process: the server is handed over through the global object.
const KEY = Symbol.for('dong-hanh:embedded-test-server');
const slot = globalThis as unknown as Record<symbol, Held | undefined>;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// Without TEST_DATABASE_URL, the run gets a PostgreSQL of its own, started as the app's embedded default is, in a
// temp directory. It listens on a loopback port too: some tests reach the server through a TCP proxy. Its data is
// thrown away, so it skips the disk flushes that keep a real one safe.
export const startEmbeddedTestServer = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-test-pg-'));
  const server = await startEmbeddedPostgres(join(dir, 'postgres'), {
    port: await freePort(),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    logger: {
      log: () => undefined,
      warn: (m) => process.stderr.write(`${m}\n`),
      error: (m) => process.stderr.write(`${m}\n`),
    },
  });
  slot[KEY] = { server, dir };
  return server.url;
};

export const stopEmbeddedTestServer = async (): Promise<void> => {
  const held = slot[KEY];
  if (!held) return;
  slot[KEY] = undefined;
  await held.server.stop();
  rmSync(held.dir, { recursive: true, force: true });
};

import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';

// `released()`: resolves once the server holds no connection. A client's close reaches the server a tick after
// the client's `end()`, and the one slot refuses whoever comes before that (the migration's connection, then
// the pool's).
export type EmbeddedPostgres = { url: string; released: () => Promise<void>; stop: () => Promise<void> };

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

// PGlite in this process, served on loopback so TypeORM uses its ordinary `pg` driver.
// The socket server takes one connection: the pool must be one as well (see database.module).
export const startEmbeddedPostgres = async (dataDir: string | null): Promise<EmbeddedPostgres> => {
  const logger = new Logger('EmbeddedPostgres');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(`file://${dataDir}`) : await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 1 });
  await server.start();
  logger.log(`embedded PostgreSQL (PGlite) ${dataDir ? `in ${dataDir}` : 'in memory'} on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    released: async () => {
      for (let i = 0; i < 500 && server.getStats().activeConnections > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
    },
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
};

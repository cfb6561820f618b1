import { Client, ClientConfig } from 'pg';
import { parentPort, workerData } from 'node:worker_threads';
import { ChainVerdict } from '../chain-checks';
import { KeyRange, verifyRange } from './verify-range';

// What the sweep starts a thread with: how to connect, the snapshot to read in, the event types that move a
// case's version.
export type SweepWorkerData = { connection: ClientConfig; snapshot: string; versioned: string[] };
export type SweepRequest = { range: KeyRange; index: number } | { stop: true };
export type SweepAnswer =
  { ready: true } | { index: number; verdicts: ChainVerdict[] } | { failed: string } | { stopped: true };

// One connection of its own, in the snapshot the sweep exported: this thread reads, hashes and judges each range
// it is given, so nothing but the verdicts crosses between threads.
const run = (port: NonNullable<typeof parentPort>): void => {
  const { connection, snapshot, versioned } = workerData as SweepWorkerData;
  const types = new Set(versioned);
  const client = new Client(connection);
  const post = (answer: SweepAnswer): void => port.postMessage(answer);
  const failed = (e: unknown): void => post({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  // A connection lost between statements: the statement under way fails too, this says why.
  client.on('error', failed);
  // Requests are worked through one at a time, in the order they came, after the transaction has begun.
  let queue = (async () => {
    await client.connect();
    await client.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
    post({ ready: true });
  })().catch(failed);
  port.on('message', (request: SweepRequest) => {
    queue = queue
      .then(async () => {
        if (!('stop' in request))
          return post({ index: request.index, verdicts: await verifyRange(client, request.range, types) });
        await client.end().catch(() => undefined);
        post({ stopped: true });
      })
      .catch(failed);
  });
};

if (parentPort) run(parentPort);

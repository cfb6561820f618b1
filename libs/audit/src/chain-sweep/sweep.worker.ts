import { Client, ClientConfig } from 'pg';
import { parentPort } from 'node:worker_threads';
import { packVerdicts, PackedVerdicts } from './packed-verdicts';
import { KeyRange, verifyRange } from './verify-range';

// What a sweep gives the thread it takes: how to connect, the snapshot to read in, the event types that move a
// case's version.
export type SweepWorkerData = { connection: ClientConfig; snapshot: string; versioned: string[] };
export type SweepRequest = { begin: SweepWorkerData } | { range: KeyRange; index: number } | { end: true };
export type SweepAnswer =
  { ready: true } | { index: number; verdicts: PackedVerdicts } | { failed: string } | { ended: true };

type Sweep = { client: Client; types: Set<string> };

// For each sweep, a connection of its own in the snapshot the sweep exported: this thread reads, hashes and judges
// each range it is given, so nothing but the verdicts crosses between threads. Between sweeps it holds nothing.
const run = (port: NonNullable<typeof parentPort>): void => {
  const post = (answer: SweepAnswer): void => port.postMessage(answer);
  const failed = (e: unknown): void => post({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  let sweep: Sweep | null = null;
  const begin = async ({ connection, snapshot, versioned }: SweepWorkerData): Promise<void> => {
    const client = new Client(connection);
    // A connection lost between statements: the statement under way fails too, this says why.
    client.on('error', failed);
    sweep = { client, types: new Set(versioned) };
    await client.connect();
    await client.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
    post({ ready: true });
  };
  const end = async (): Promise<void> => {
    const client = sweep?.client;
    sweep = null;
    await client?.end().catch(() => undefined);
    post({ ended: true });
  };
  // Requests are worked through one at a time, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (request: SweepRequest) => {
    queue = queue
      .then(async () => {
        if ('begin' in request) return begin(request.begin);
        if ('end' in request) return end();
        if (!sweep) throw new Error('a range asked for outside a sweep');
        post({
          index: request.index,
          verdicts: packVerdicts(await verifyRange(sweep.client, request.range, sweep.types)),
        });
      })
      .catch(failed);
  });
};

if (parentPort) run(parentPort);

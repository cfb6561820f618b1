import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HashAnswer, HashRequest } from './hash.worker';
import { matchingHashes, packRows, StoredRow } from './stored-events';

// Built, the worker is the compiled .js beside this file. Run from the TypeScript sources (jest, the scripts that
// go through test/support/swc-register.js) it is the .ts, compiled on load by that register.
const startWorker = (): Worker => {
  const script = join(__dirname, `hash.worker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return new Worker(script);
  const register = join(__dirname, '../../../../test/support/swc-register.js');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(script)});`, { eval: true });
};

// One thread per core: the sweep's own thread mostly waits on PostgreSQL.
export const defaultHashWorkers = (): number => availableParallelism();

const PART = 100;

type Pending = { resolve: (matches: Uint8Array) => void; reject: (e: Error) => void };

// Worker threads that check stored events against their hashes; with none, the checks run in this thread.
export class HashPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      worker.on('message', ({ id, matches }: HashAnswer) => {
        this.pending.get(id)?.resolve(matches);
        this.pending.delete(id);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`hash worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  // For each row, whether its stored hash is its event's hash: the rows in small parts dealt out over the workers.
  // Small, because a part packed whole stays in V8's young generation: packing a batch of 10,000 rows into one
  // string cost several times more (large-object allocations, page faults) than all the small ones together.
  async check(rows: StoredRow[]): Promise<Uint8Array> {
    const parts: Promise<Uint8Array>[] = [];
    for (let at = 0, i = 0; at < rows.length; at += PART, i++) {
      const part = rows.slice(at, at + PART);
      const worker = this.workers[i % this.workers.length];
      parts.push(worker ? this.send(worker, part) : Promise.resolve(matchingHashes(packRows(part))));
    }
    const out = new Uint8Array(rows.length);
    let at = 0;
    for (const part of await Promise.all(parts)) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(worker: Worker, rows: StoredRow[]): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const packed = packRows(rows);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows: packed } satisfies HashRequest, [packed.nulls.buffer]);
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ClientConfig, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ChainVerdict } from '../chain-checks';
import type { SweepAnswer, SweepRequest, SweepWorkerData } from './sweep.worker';
import { unpackVerdicts } from './packed-verdicts';
import { sweepThreads } from './sweep-threads';
import { KeyRange, keyRanges, verifyRange } from './verify-range';

// `workers`: threads that each read and check their share on a connection of their own (0: all in this thread, on
// the pool's connection); `ranges`: slices of the case id space handed out to them, a power of two.
export type SweepOptions = { workers?: number; ranges?: number };

// Enough slices that two threads finish at about the same time; few enough that each read is long.
const RANGES = 64;

// How the pool connects, as a thread can be given it (no functions).
type PoolOptions = { options: Record<string, unknown> };
const poolOptions = (source: DataSource): Record<string, unknown> =>
  (source.driver as unknown as { master: PoolOptions }).master.options;
const connectionOf = (options: Record<string, unknown>): ClientConfig =>
  Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && typeof v !== 'function'));

// Every case and every case chain, in case id order, each with its verdict as CaseChainVerifier.verify gives it:
// `versioned`, the event types that move a case's version. One REPEATABLE READ snapshot for the whole sweep, so
// each chain and its case row are seen at one moment; this thread's transaction exports it and each worker thread
// reads in it on its own connection, a range of case ids at a time: reading, hashing and checking all run in the
// workers, side by side, and only verdicts come back. Ranges are handed out ahead of the one being yielded by at
// most two per worker, so a slow reader holds back the sweep rather than piling up verdicts.
export async function* sweepCaseChains(
  source: DataSource,
  versioned: readonly string[],
  options: SweepOptions = {},
): AsyncGenerator<ChainVerdict> {
  const ranges = keyRanges(options.ranges ?? RANGES);
  const pool = poolOptions(source);
  // A pool of one: the server takes no other connection (the embedded one), so no thread can have its own.
  const workers = pool.max === 1 ? 0 : (options.workers ?? availableParallelism());
  const runner = source.createQueryRunner();
  let open = false;
  try {
    // The first statement through the runner, which retries it on another pooled connection should this one have
    // gone stale; it would retry no later one (a lost connection mid-transaction is a failure), so the rest go
    // straight to the driver's client, whose streamed rows the runner does not offer.
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    const client = (await runner.connect()) as PoolClient;
    if (workers === 0) {
      const types = new Set(versioned);
      for (const range of ranges) yield* await verifyRange(client, range, types);
    } else {
      const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const data: SweepWorkerData = { connection: connectionOf(pool), snapshot: rows[0].id, versioned: [...versioned] };
      yield* inWorkers(ranges.length, workers, data, (i) => ranges[i]);
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}

// The verdicts of ranges 0..count-1 in order, the ranges checked in `size` threads. Stopped early or failed, the
// threads end their transactions before this returns (they must end while the exporting one is open); those that
// did not fail go back to the pool.
async function* inWorkers(
  count: number,
  size: number,
  data: SweepWorkerData,
  range: (i: number) => KeyRange,
): AsyncGenerator<ChainVerdict> {
  const done = new Map<number, ChainVerdict[]>();
  // Set by the threads' handlers, read by the loop below.
  let failure = null as Error | null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  let handedOut = 0;
  let yielded = 0;
  const idle: Worker[] = [];
  let ending = false; // no range is handed out after the threads are asked to end
  const handOut = (): void => {
    while (!ending && idle.length && handedOut < count && handedOut < yielded + 2 * size) {
      const index = handedOut++;
      (idle.pop() as Worker).postMessage({ index, range: range(index) } satisfies SweepRequest);
    }
  };
  const threads = sweepThreads.take(size);
  const broken = new Set<Worker>();
  const detach: (() => void)[] = [];
  const ended = threads.map(
    (w) =>
      new Promise<void>((resolve) => {
        const fail = (e: Error): void => {
          failure ??= e;
          broken.add(w);
          notify();
        };
        const onMessage = (answer: SweepAnswer): void => {
          if ('ended' in answer) return resolve();
          if ('failed' in answer) fail(new Error(`chain sweep thread: ${answer.failed}`));
          else {
            if ('index' in answer) done.set(answer.index, unpackVerdicts(answer.verdicts));
            idle.push(w);
            handOut();
          }
          notify();
        };
        const onError = (e: Error): void => {
          fail(e);
          resolve();
        };
        const onExit = (): void => onError(new Error('chain sweep thread exited'));
        w.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => w.off('message', onMessage).off('error', onError).off('exit', onExit));
        w.postMessage({ begin: data } satisfies SweepRequest);
      }),
  );
  try {
    while (yielded < count) {
      const verdicts = done.get(yielded);
      if (verdicts) {
        done.delete(yielded++);
        handOut();
        yield* verdicts;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    ending = true;
    for (const w of threads) w.postMessage({ end: true } satisfies SweepRequest);
    await Promise.all(ended);
    for (const d of detach) d();
    for (const w of threads)
      if (broken.has(w)) await w.terminate();
      else sweepThreads.give(w);
  }
}

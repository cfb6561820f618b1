import { parentPort } from 'node:worker_threads';
import { matchingHashes, PackedRows } from './stored-events';

export type HashRequest = { id: number; rows: PackedRows };
export type HashAnswer = { id: number; matches: Uint8Array<ArrayBuffer> };

// One batch at a time, answered under the id it came with.
parentPort?.on('message', ({ id, rows }: HashRequest) => {
  const matches = matchingHashes(rows);
  parentPort?.postMessage({ id, matches } satisfies HashAnswer, [matches.buffer]);
});

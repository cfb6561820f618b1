import { Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@dh/clock';
import { CaseAttachmentChunk } from './case-attachment.entity';

// The sealed chunks of one file being uploaded. Chunks arrive in order; `keep` is called just before the upload's
// transaction commits, `discard` whenever the upload does not end stored (refused, failed, rolled back), and may
// follow `keep` when the commit itself fails.
export type ChunkSink = {
  write(seq: number, sealed: Buffer): Promise<void>;
  keep(): Promise<void>;
  discard(): Promise<void>;
};

// Where an attachment's sealed chunks live (chunk-cipher.ts seals them; a store only ever holds ciphertext).
// PostgreSQL by default; a directory when ATTACHMENTS_DIR is set. Chosen once at boot (records.module.ts).
export abstract class AttachmentStore {
  abstract readonly name: 'postgres' | 'directory';
  // `tx` is the upload's transaction: the PostgreSQL store writes in it, so a rollback takes the chunks with it.
  abstract sink(tx: EntityManager, attachmentId: string): ChunkSink;
  // The sealed chunks in order, `count` of them, read a few at a time. What can be checked before the first byte
  // is (the file is there), so that a missing one is a server error, not a response cut short.
  abstract open(attachmentId: string, count: number): Promise<AsyncGenerator<Buffer>>;
}

// How many sealed chunks a download reads from the database at a time.
const CHUNKS_PER_READ = 16;

export class PgAttachmentStore extends AttachmentStore {
  readonly name = 'postgres' as const;

  constructor(private readonly source: DataSource) {
    super();
  }

  sink(tx: EntityManager, attachmentId: string): ChunkSink {
    return {
      write: async (seq, sealed) => void (await tx.insert(CaseAttachmentChunk, { attachmentId, seq, sealed })),
      // The rows commit or roll back with the upload's transaction.
      keep: async () => undefined,
      discard: async () => undefined,
    };
  }

  async open(attachmentId: string, count: number): Promise<AsyncGenerator<Buffer>> {
    return this.chunks(attachmentId, count);
  }

  private async *chunks(attachmentId: string, count: number): AsyncGenerator<Buffer> {
    for (let from = 0; from < count; from += CHUNKS_PER_READ) {
      const rows = await this.source.getRepository(CaseAttachmentChunk).find({
        where: { attachmentId },
        order: { seq: 'ASC' },
        skip: from,
        take: CHUNKS_PER_READ,
      });
      const expected = Math.min(CHUNKS_PER_READ, count - from);
      if (rows.length !== expected) throw new Error(`attachment ${attachmentId}: chunks missing from ${from}`);
      for (const [i, c] of rows.entries()) {
        if (c.seq !== from + i) throw new Error(`attachment ${attachmentId}: chunk ${from + i} missing`);
        yield c.sealed;
      }
    }
  }
}

// Each chunk in a file is its length (4 bytes, big-endian) then its sealed bytes.
const LENGTH_BYTES = 4;
// Files being written carry this suffix until their upload commits: a reader never mistakes one for a whole file.
export const PART_SUFFIX = '.part';
// A half-written file this old was left by a server stopped mid-upload (no upload takes a day): removed at start.
const STALE_PART_MS = 24 * 60 * 60 * 1000;

// One file per attachment, named by its id, in ATTACHMENTS_DIR. The file is written under a temporary name and
// renamed to its own just before the upload's transaction commits; a refused or failed upload's file is deleted.
// A failure between the rename and the commit leaves at worst a file no row names, never a row without its file.
export class DirectoryAttachmentStore extends AttachmentStore implements OnModuleInit {
  readonly name = 'directory' as const;
  private readonly logger = new Logger(DirectoryAttachmentStore.name);

  constructor(
    readonly dir: string,
    private readonly clock: Clock,
  ) {
    super();
  }

  // The start stops on a directory it could not write to, rather than at the first upload.
  async onModuleInit(): Promise<void> {
    await assertWritableDir(this.dir);
    await this.removeStaleParts();
  }

  // Only old ones: another instance sharing the directory may be writing a fresh one right now.
  async removeStaleParts(): Promise<number> {
    const before = this.clock.now().getTime() - STALE_PART_MS;
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith(PART_SUFFIX)) continue;
      const found = await stat(join(this.dir, name)).catch(() => null);
      if (!found?.isFile() || found.mtimeMs >= before) continue;
      await rm(join(this.dir, name), { force: true });
      removed += 1;
    }
    if (removed) this.logger.warn({ msg: 'half-written attachment files removed', removed, dir: this.dir });
    return removed;
  }

  pathOf(attachmentId: string): string {
    return join(this.dir, attachmentId);
  }

  sink(_tx: EntityManager, attachmentId: string): ChunkSink {
    const final = this.pathOf(attachmentId);
    const temp = `${final}.${randomUUID()}${PART_SUFFIX}`;
    let file: FileHandle | null = null;
    let next = 0;
    let kept = false;
    let discarded = false;
    // One operation at a time, in the order asked: a discard asked while a chunk is being written (the request
    // failed mid-body) runs after it, and nothing is written after a discard.
    let queue: Promise<unknown> = Promise.resolve();
    const serial = <T>(op: () => Promise<T>): Promise<T> => {
      const run = queue.then(op, op);
      queue = run.catch(() => undefined);
      return run;
    };
    const close = async () => {
      const f = file;
      file = null;
      await f?.close();
    };
    return {
      write: (seq, sealed) =>
        serial(async () => {
          if (discarded) throw new Error(`attachment ${attachmentId}: written after its upload ended`);
          if (seq !== next) throw new Error(`attachment ${attachmentId}: chunk ${seq} written out of order`);
          file ??= await open(temp, 'wx', 0o600);
          const head = Buffer.alloc(LENGTH_BYTES);
          head.writeUInt32BE(sealed.length);
          await file.writev([head, sealed]);
          next += 1;
        }),
      keep: () =>
        serial(async () => {
          if (discarded || !file) throw new Error(`attachment ${attachmentId}: nothing to keep`);
          await file.sync();
          await close();
          await rename(temp, final);
          kept = true;
          // The rename itself survives a power cut only once the directory is synced, before the row commits.
          const d = await open(this.dir, 'r');
          try {
            await d.sync();
          } finally {
            await d.close();
          }
        }),
      discard: () =>
        serial(async () => {
          discarded = true;
          try {
            await close();
          } finally {
            await rm(temp, { force: true });
            if (kept) await rm(final, { force: true });
          }
        }),
    };
  }

  async open(attachmentId: string, count: number): Promise<AsyncGenerator<Buffer>> {
    const found = await stat(this.pathOf(attachmentId)).catch(() => null);
    if (!found?.isFile()) throw new Error(`attachment ${attachmentId}: no file ${this.pathOf(attachmentId)}`);
    return this.chunks(attachmentId, count);
  }

  private async *chunks(attachmentId: string, count: number): AsyncGenerator<Buffer> {
    const file = await open(this.pathOf(attachmentId), 'r');
    try {
      const head = Buffer.alloc(LENGTH_BYTES);
      let position = 0;
      for (let seq = 0; seq < count; seq++) {
        const { bytesRead } = await file.read(head, 0, LENGTH_BYTES, position);
        if (bytesRead !== LENGTH_BYTES) throw new Error(`attachment ${attachmentId}: chunk ${seq} missing`);
        const length = head.readUInt32BE(0);
        const sealed = Buffer.alloc(length);
        const body = await file.read(sealed, 0, length, position + LENGTH_BYTES);
        if (body.bytesRead !== length) throw new Error(`attachment ${attachmentId}: chunk ${seq} cut short`);
        position += LENGTH_BYTES + length;
        yield sealed;
      }
      if ((await file.stat()).size !== position)
        this.logger.warn({ msg: 'attachment file longer than its chunks', attachmentId });
    } finally {
      await file.close();
    }
  }
}

export const assertWritableDir = async (dir: string): Promise<void> => {
  const problem = (why: string) => new Error(`ATTACHMENTS_DIR ${dir}: ${why}`);
  if (!isAbsolute(dir)) throw problem('must be an absolute path');
  const found = await stat(dir).catch(() => null);
  if (!found) throw problem('does not exist (create it, owned by the user the server runs as)');
  if (!found.isDirectory()) throw problem('is not a directory');
  try {
    await access(dir, constants.W_OK | constants.R_OK | constants.X_OK);
    // access() trusts the mode bits; a read-only mount or a filled disk shows only when writing.
    const probe = await mkdtemp(join(dir, '.probe-'));
    await rm(probe, { recursive: true });
  } catch (e) {
    throw problem(`is not writable by this process (${e instanceof Error ? e.message : String(e)})`);
  }
};

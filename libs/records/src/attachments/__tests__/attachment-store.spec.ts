import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { ManualClock } from '@dh/clock';
import { assertWritableDir, DirectoryAttachmentStore } from '../attachment-store';

// The directory store alone, on a real directory: what stays on disk after each way an upload can end.
describe('DirectoryAttachmentStore', () => {
  let dir: string;
  let store: DirectoryAttachmentStore;
  const tx = {} as EntityManager;
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dh-store-'));
    store = new DirectoryAttachmentStore(dir, clock);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const read = async (id: string, count: number) => {
    const out: Buffer[] = [];
    for await (const c of await store.open(id, count)) out.push(c);
    return out;
  };

  it('keeps a file under the attachment’s id and reads its chunks back in order', async () => {
    const id = randomUUID();
    const chunks = [randomBytes(70_000), randomBytes(10), randomBytes(1)];
    const sink = store.sink(tx, id);
    for (const [seq, c] of chunks.entries()) await sink.write(seq, c);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(new RegExp(`^${id}\\..*\\.part$`))]);
    await sink.keep();
    expect(readdirSync(dir)).toEqual([id]);
    expect(await read(id, 3)).toEqual(chunks);
    // Fewer chunks than the row says: an error, not a short file.
    await expect(read(id, 4)).rejects.toThrow(/chunk 3 missing/);
  });

  it('leaves nothing after a discard: before the keep, after it (the commit failed), or during a write', async () => {
    const a = store.sink(tx, randomUUID());
    await a.write(0, randomBytes(100));
    await a.discard();
    const b = store.sink(tx, randomUUID());
    await b.write(0, randomBytes(100));
    await b.keep();
    await b.discard();
    const c = store.sink(tx, randomUUID());
    const writing = c.write(0, randomBytes(1_000_000));
    await c.discard();
    await writing;
    await expect(c.write(1, randomBytes(10))).rejects.toThrow(/after its upload ended/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('at start, removes half-written files a stopped server left a day ago or more, and only those', async () => {
    const at = (name: string, hoursAgo: number) => {
      writeFileSync(join(dir, name), 'x');
      const t = new Date(clock.now().getTime() - hoursAgo * 3600_000);
      utimesSync(join(dir, name), t, t);
    };
    const kept = randomUUID();
    at(`${kept}`, 48);
    at(`${randomUUID()}.${randomUUID()}.part`, 25);
    at(`${kept}.${randomUUID()}.part`, 1);
    await store.onModuleInit();
    const left = readdirSync(dir);
    expect(left).toHaveLength(2);
    expect(left).toContain(kept);
    expect(left.filter((f) => f.startsWith(`${kept}.`) && f.endsWith('.part'))).toHaveLength(1);
  });

  it('refuses a missing file before the first byte', async () => {
    await expect(store.open(randomUUID(), 1)).rejects.toThrow(/no file/);
  });

  it('checks the directory at start: absolute, present, a directory', async () => {
    await expect(assertWritableDir('relative/dir')).rejects.toThrow(/ATTACHMENTS_DIR .*absolute/);
    await expect(assertWritableDir(join(dir, 'missing'))).rejects.toThrow(/does not exist/);
    writeFileSync(join(dir, 'f'), 'x');
    await expect(assertWritableDir(join(dir, 'f'))).rejects.toThrow(/not a directory/);
    await expect(assertWritableDir(dir)).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual(['f']);
  });
});

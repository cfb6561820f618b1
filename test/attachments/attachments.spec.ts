import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReencryptService } from '@dh/cases';
import { caseScope, KeyRing } from '@dh/crypto';
import { DataSource } from 'typeorm';
import { auth } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { startTestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { download, filesUnder, holdsInClear, pdfOf, pgDump, pdfWithText, upload } from './attachment-helpers';

const MAX = 300 * 1024;
const tag = randomBytes(4).toString('hex');
const MARKER = `NOI-DUNG-TEP-BI-MAT-${tag}`;
const CAPTION = `Biên bản làm việc với gia đình ${tag}-chuthich`;
// Vietnamese in clear inside the file: a leak would show as these UTF-8 bytes (or their hex, in a bytea column).
const VI_MARKER = `BÍ-MẬT-ĐÍNH-KÈM-${tag}`;

// The same behaviour whichever store holds the sealed bytes: PostgreSQL (case_attachment_chunk) by default, files
// under ATTACHMENTS_DIR when it is set.
const STORES: { store: 'postgres' | 'directory'; dir: string | null }[] = [
  { store: 'postgres', dir: null },
  { store: 'directory', dir: mkdtempSync(join(tmpdir(), 'dh-attachments-')) },
];
afterAll(() => STORES.forEach(({ dir }) => dir && rmSync(dir, { recursive: true, force: true })));

describe.each(STORES)('attachments: encrypted files on a case, stored in $store', ({ store, dir }) => {
  const world = useTestWorld({ ATTACHMENT_MAX_BYTES: String(MAX), ...(dir ? { ATTACHMENTS_DIR: dir } : {}) });
  const t = () => world.t;
  const w = () => world.w;

  const count = async (sql: string, params: unknown[]) => Number((await world.pg.query(sql, params)).rows[0].n);
  const viewed = (caseId: string) =>
    count(`SELECT count(*) AS n FROM audit_event WHERE case_id = $1 AND type = 'VIEWED'`, [caseId]);
  const chunkRows = () => count(`SELECT count(*) AS n FROM case_attachment_chunk`, []);
  // How many sealed chunks of a file (each chunk in a file is a 4-byte length then its bytes).
  const chunksInFile = (path: string): number => {
    const bytes = readFileSync(path);
    let n = 0;
    for (let at = 0; at < bytes.length; at += 4 + bytes.readUInt32BE(at)) n += 1;
    return n;
  };
  const storedChunks = async (id: string): Promise<number> =>
    dir
      ? chunksInFile(join(dir, id))
      : count(`SELECT count(*) AS n FROM case_attachment_chunk WHERE attachment_id = $1`, [id]);
  // Every stored chunk: with a directory, every file in it (a file left by a refused upload counts too).
  const allChunks = async (): Promise<number> =>
    dir ? readdirSync(dir).reduce((n, f) => n + chunksInFile(join(dir, f)), 0) : chunkRows();
  const dump = () => pgDump(t().db.url);

  it('round-trips a multi-chunk file byte for byte to the case team, recording the read, and seals it at rest', async () => {
    const { counsellorA, principalA, counsellorB } = w().users;
    const c = await openCase(t(), w());
    const file = pdfOf(200 * 1024 + 123, MARKER);
    const res = await upload(t(), counsellorA, c.id, file, 'bien-ban.pdf', { caption: CAPTION }).expect(201);
    expect(res.body).toMatchObject({ kind: 'pdf', caseId: c.id, withdrawnAt: null });
    const id = res.body.id as string;
    expect(await storedChunks(id)).toBe(4);
    if (dir) {
      // The directory holds the chunks, the database none; the file is ciphertext of about the file's size.
      expect(await chunkRows()).toBe(0);
      expect(readdirSync(dir)).toEqual([id]);
    }

    // The chain names the file by the sha256 of its plaintext.
    const { rows: added } = await world.pg.query(
      `SELECT payload FROM audit_event WHERE case_id = $1 AND type = 'ATTACHMENT_ADDED'`,
      [c.id],
    );
    expect(added).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(added[0].payload).toMatchObject({
      attachmentId: id,
      kind: 'pdf',
      sha256: createHash('sha256').update(file).digest('hex'),
    });

    const before = await viewed(c.id);
    const got = await download(t(), counsellorA, c.id, id).expect(200);
    expect(got.headers['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
    expect(await viewed(c.id)).toBe(before + 1);

    const listed = (await t().http().get(`/api/cases/${c.id}/attachments`).set(auth(counsellorA)).expect(200)).body;
    expect(listed.items).toEqual([
      expect.objectContaining({
        id,
        caption: CAPTION,
        fileName: 'bien-ban.pdf',
        sizeBytes: file.length,
        masked: false,
      }),
    ]);

    // A principal without a grant sees that a file exists, its kind and date, nothing of what it is.
    const masked = (await t().http().get(`/api/cases/${c.id}/attachments`).set(auth(principalA)).expect(200)).body;
    expect(masked.items).toEqual([
      expect.objectContaining({ id, kind: 'pdf', caption: null, fileName: null, sizeBytes: null, masked: true }),
    ]);
    expect(masked.items[0].uploadedAt).toBe(res.body.uploadedAt);
    await download(t(), principalA, c.id, id).expect(403);
    await upload(t(), principalA, c.id, file, 'x.pdf').expect(403);
    // Another school's people do not see the case at all.
    await t().http().get(`/api/cases/${c.id}/attachments`).set(auth(counsellorB)).expect(404);
    await download(t(), counsellorB, c.id, id).expect(404);
    await upload(t(), counsellorB, c.id, file, 'x.pdf').expect(404);

    // The database as `pg_dump` writes it, and the store's files: the file's content, caption and name nowhere
    // in clear.
    const dumped = await dump();
    expect(dumped.includes(Buffer.from('COPY public.case_attachment '))).toBe(true);
    for (const secret of [MARKER, CAPTION, 'bien-ban.pdf']) {
      expect(holdsInClear(dumped, secret)).toBe(false);
      for (const f of dir ? filesUnder(dir) : []) expect(holdsInClear(f.bytes, secret)).toBe(false);
    }
  });

  it('never keeps a file’s Vietnamese text in clear: not in pg_dump’s output, not in the store’s files', async () => {
    const by = w().users.counsellorA;
    const c = await openCase(t(), w());
    const file = pdfWithText(VI_MARKER);
    // The check would catch a leak: the file does hold the marker's bytes.
    expect(holdsInClear(file, VI_MARKER)).toBe(true);
    const id = (await upload(t(), by, c.id, file, `${VI_MARKER}.pdf`, { caption: VI_MARKER }).expect(201)).body.id;
    expect(Buffer.compare((await download(t(), by, c.id, id).expect(200)).body as Buffer, file)).toBe(0);
    expect(holdsInClear(await dump(), VI_MARKER)).toBe(false);
    const files = dir ? filesUnder(dir) : [];
    if (dir) expect(files.map((f) => f.path)).toContain(join(dir, id));
    for (const f of files) expect(holdsInClear(f.bytes, VI_MARKER)).toBe(false);
  });

  it('refuses a file whose bytes are not one of the five kinds, whatever its name, and one over the limit', async () => {
    const by = w().users.counsellorA;
    const c = await openCase(t(), w());
    const before = await allChunks();
    const text = Buffer.from('Đây chỉ là một tệp văn bản, không phải ảnh.\n'.repeat(50), 'utf8');
    const notPng = await upload(t(), by, c.id, text, 'anh.png').expect(415);
    expect(notPng.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const big = await upload(t(), by, c.id, pdfOf(MAX + 1, MARKER), 'lon.pdf').expect(413);
    expect(big.body.code).toBe('FILE_TOO_LARGE');
    // Exactly the limit passes.
    await upload(t(), by, c.id, pdfOf(MAX, MARKER), 'vua.pdf').expect(201);
    const noCaption = await upload(t(), by, c.id, pdfOf(2000, MARKER), 'a.pdf', {}).expect(400);
    expect(JSON.stringify(noCaption.body)).toContain('caption');
    const badRecord = await upload(t(), by, c.id, pdfOf(2000, MARKER), 'a.pdf', {
      caption: 'x',
      recordId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(JSON.stringify(badRecord.body)).toContain('recordId');
    const none = await t()
      .http()
      .post(`/api/cases/${c.id}/attachments`)
      .set(auth(by))
      .field('caption', 'x')
      .expect(400);
    expect(JSON.stringify(none.body)).toContain('file');
    await t().http().post(`/api/cases/${c.id}/attachments`).set(auth(by)).send({ caption: 'x' }).expect(400);
    // Only the accepted upload left chunks (and, with a directory, no half-written file).
    expect(await allChunks()).toBe(before + Math.ceil(MAX / (64 * 1024)));
    if (dir) expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    // The five kinds are recognised from their bytes.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)]);
    const heic = Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), randomBytes(500)]);
    const docx = Buffer.concat([
      Buffer.from('PK\x03\x04', 'latin1'),
      randomBytes(60),
      Buffer.from('word/document.xml'),
    ]);
    for (const [file, kind] of [
      [png, 'png'],
      [jpeg, 'jpeg'],
      [heic, 'heic'],
      [docx, 'docx'],
    ] as const)
      expect((await upload(t(), by, c.id, file, 'tep.pdf').expect(201)).body.kind).toBe(kind);
  });

  it('withdraws with a reason and keeps the file listed; the team alone withdraws', async () => {
    const { counsellorA, principalA } = w().users;
    const c = await openCase(t(), w());
    const id = (await upload(t(), counsellorA, c.id, pdfOf(5000, MARKER), 'nham.pdf').expect(201)).body.id;
    const reason = 'Tải nhầm tệp của hồ sơ khác';
    const path = `/api/cases/${c.id}/attachments/${id}/withdraw`;
    await t().http().post(path).set(auth(principalA)).send({ reason }).expect(403);
    await t().http().post(path).set(auth(counsellorA)).send({ reason: ' ' }).expect(400);
    await t().http().post(path).set(auth(counsellorA)).send({ reason }).expect(201);
    await t().http().post(path).set(auth(counsellorA)).send({ reason }).expect(409);
    const items = (await t().http().get(`/api/cases/${c.id}/attachments`).set(auth(counsellorA)).expect(200)).body
      .items;
    expect(items).toEqual([expect.objectContaining({ id, withdrawReason: reason, withdrawnAt: expect.any(String) })]);
    const { rows } = await world.pg.query(
      `SELECT payload FROM audit_event WHERE case_id = $1 AND type = 'ATTACHMENT_WITHDRAWN'`,
      [c.id],
    );
    expect(rows).toHaveLength(1);
    // Kept for the inspector: still there, still readable by the team.
    await download(t(), counsellorA, c.id, id).expect(200);
  });

  it('a key rotation leaves the stored chunks as they are and the file still opens', async () => {
    const by = w().users.counsellorA;
    const c = await openCase(t(), w());
    const file = pdfOf(150_000, MARKER);
    const id = (await upload(t(), by, c.id, file, 'a.pdf').expect(201)).body.id;
    const before = dir ? readFileSync(join(dir, id)) : null;
    // What `rotate-data-key` runs: rewrap every data key, then re-seal the declared columns.
    await t().app.get(KeyRing).rotate();
    await t().app.get(ReencryptService).reencryptAll();
    if (before) expect(Buffer.compare(readFileSync(join(dir as string, id)), before)).toBe(0);
    expect(Buffer.compare((await download(t(), by, c.id, id).expect(200)).body as Buffer, file)).toBe(0);
  });

  it('a shredded case’s files cannot be downloaded nor added to', async () => {
    const by = w().users.counsellorA;
    const c = await openCase(t(), w());
    const id = (await upload(t(), by, c.id, pdfOf(100_000, MARKER), 'a.pdf').expect(201)).body.id;
    await t()
      .app.get(DataSource)
      .transaction((tx) => t().app.get(KeyRing).destroy(tx, caseScope(c.id)));
    const res = await download(t(), by, c.id, id).expect(409);
    expect(res.body).toBeInstanceOf(Buffer);
    expect(JSON.parse((res.body as Buffer).toString('utf8')).code).toBe('CONTENT_SHREDDED');
    await upload(t(), by, c.id, pdfOf(1000, MARKER), 'b.pdf').expect(409);
    // Shredding drops the key, not the bytes: what stays can no longer be opened.
    expect(await storedChunks(id)).toBe(2);
  });

  if (store === 'directory')
    it('a file gone from the directory is a server error, not an empty download, and names no path', async () => {
      const by = w().users.counsellorA;
      const c = await openCase(t(), w());
      const id = (await upload(t(), by, c.id, pdfOf(1000, MARKER), 'a.pdf').expect(201)).body.id;
      rmSync(join(dir as string, id));
      const res = await download(t(), by, c.id, id).expect(500);
      expect((res.body as Buffer).toString('utf8')).not.toContain(dir as string);
    });
});

describe('ATTACHMENTS_DIR is checked at start', () => {
  it('stops the start, naming the variable, on a directory that does not exist or is a file', async () => {
    const base = mkdtempSync(join(tmpdir(), 'dh-attachments-bad-'));
    try {
      await expect(startTestApp({ ATTACHMENTS_DIR: join(base, 'missing') })).rejects.toThrow(
        /ATTACHMENTS_DIR .*does not exist/,
      );
      writeFileSync(join(base, 'file'), 'x');
      await expect(startTestApp({ ATTACHMENTS_DIR: join(base, 'file') })).rejects.toThrow(
        /ATTACHMENTS_DIR .*is not a directory/,
      );
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

import { randomBytes } from 'node:crypto';
import { caseScope, KeyRing } from '@dh/crypto';
import { DataSource } from 'typeorm';
import { auth } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';
import { download, pdfOf, upload } from './attachment-helpers';

const MAX = 300 * 1024;
const tag = randomBytes(4).toString('hex');
const MARKER = `NOI-DUNG-TEP-BI-MAT-${tag}`;
const CAPTION = `Biên bản làm việc với gia đình ${tag}-chuthich`;

describe('attachments: encrypted files on a case', () => {
  const world = useTestWorld({ ATTACHMENT_MAX_BYTES: String(MAX) });
  const t = () => world.t;
  const w = () => world.w;

  const count = async (sql: string, params: unknown[]) => Number((await world.pg.query(sql, params)).rows[0].n);
  const viewed = (caseId: string) =>
    count(`SELECT count(*) AS n FROM audit_event WHERE case_id = $1 AND type = 'VIEWED'`, [caseId]);
  const chunkRows = () => count(`SELECT count(*) AS n FROM case_attachment_chunk`, []);

  // Every row of every table as PostgreSQL prints it (bytea as hex): what pg_dump's COPY sections hold.
  const dump = async (): Promise<string> => {
    const { rows: tables } = await world.pg.query<{ name: string; columns: string[] }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name, array_agg(format('%I', column_name)) AS columns
         FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables
                                              WHERE table_type = 'BASE TABLE')
        GROUP BY table_schema, table_name`,
    );
    const sections: string[] = [];
    for (const { name, columns } of tables) {
      const { rows } = await world.pg.query<{ line: string }>(
        `SELECT concat_ws(E'\\t', ${columns.map((c) => `${c}::text`).join(', ')}) AS line FROM ${name}`,
      );
      sections.push(`COPY ${name}`, ...rows.map((r) => r.line));
    }
    return sections.join('\n');
  };

  it('round-trips a multi-chunk file byte for byte to the case team, recording the read, and seals it at rest', async () => {
    const { counsellorA, principalA, counsellorB } = w().users;
    const c = await openCase(t(), w());
    const file = pdfOf(200 * 1024 + 123, MARKER);
    const res = await upload(t(), counsellorA, c.id, file, 'bien-ban.pdf', { caption: CAPTION }).expect(201);
    expect(res.body).toMatchObject({ kind: 'pdf', caseId: c.id, withdrawnAt: null });
    const id = res.body.id as string;
    expect(await count(`SELECT count(*) AS n FROM case_attachment_chunk WHERE attachment_id = $1`, [id])).toBe(4);

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

    const text = await dump();
    for (const secret of [MARKER, CAPTION, 'bien-ban.pdf'])
      for (const form of [secret, Buffer.from(secret, 'utf8').toString('hex')]) expect(text).not.toContain(form);
  });

  it('refuses a file whose bytes are not one of the five kinds, whatever its name, and one over the limit', async () => {
    const by = w().users.counsellorA;
    const c = await openCase(t(), w());
    const before = await chunkRows();
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
    // Only the accepted upload left chunks.
    expect(await chunkRows()).toBe(before + Math.ceil(MAX / (64 * 1024)));
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
  });
});

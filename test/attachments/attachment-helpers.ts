import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { auth, Login } from '../support/fixtures';
import { TestApp } from '../support/test-app';

// A PDF-looking file of `size` bytes: the signature, the marker, random filler, the marker again near the end.
export const pdfOf = (size: number, marker: string): Buffer => {
  const head = Buffer.from(`%PDF-1.4\n% ${marker}\n`, 'latin1');
  const tail = Buffer.from(`\n% ${marker}\n%%EOF\n`, 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length - tail.length)), tail]);
};

export const upload = (
  t: TestApp,
  by: Login,
  caseId: string,
  file: Buffer,
  fileName: string,
  fields: Record<string, string> = { caption: 'Giấy khám sức khỏe' },
) => {
  let req = t.http().post(`/api/cases/${caseId}/attachments`).set(auth(by));
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, { filename: fileName, contentType: 'application/octet-stream' });
};

// The response's bytes whatever its type (superagent parses only the types it knows).
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

export const download = (t: TestApp, by: Login, caseId: string, attachmentId: string) =>
  t.http().get(`/api/cases/${caseId}/attachments/${attachmentId}/content`).set(auth(by)).buffer(true).parse(binary);

// What `pg_dump` of the database writes, byte for byte: the same binary an operator's backup runs.
export const PG_DUMP = process.env.PG_DUMP_PATH || '/usr/bin/pg_dump';
export const pgDump = (url: string): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    execFile(
      PG_DUMP,
      ['--no-owner', '--dbname', url],
      { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`pg_dump failed: ${err.message} ${stderr.toString('utf8')}`)) : resolve(stdout),
    ),
  );

// The forms a secret would take in a dump or a file: its UTF-8 bytes, and those bytes as bytea's hex.
export const clearForms = (secret: string): Buffer[] => {
  const bytes = Buffer.from(secret, 'utf8');
  return [bytes, Buffer.from(bytes.toString('hex'), 'latin1')];
};
export const holdsInClear = (haystack: Buffer, secret: string): boolean =>
  clearForms(secret).some((form) => haystack.includes(form));

// Every file under a directory, recursively, with its bytes.
export const filesUnder = (dir: string): { path: string; bytes: Buffer }[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, bytes: readFileSync(path) }));

// A PDF whose text holds the marker in clear, as UTF-8 (what a scanned form with a Vietnamese title would carry).
export const pdfWithText = (marker: string, size = 150 * 1024): Buffer => {
  const head = Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${marker}) >> endobj\n`, 'utf8');
  const tail = Buffer.from(`\nBT (${marker}) Tj ET\n%%EOF\n`, 'utf8');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length - tail.length)), tail]);
};

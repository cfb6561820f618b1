import { randomBytes } from 'node:crypto';
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

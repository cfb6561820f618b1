import { unzipSync } from 'fflate';
import type { FormField, FormTemplate } from '@dh/forms';
import request from 'supertest';
import { auth, Login } from './fixtures';
import { TestApp } from './test-app';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

// word/document.xml of a .docx, and the text of each of its runs with XML escapes undone (so "Bố & mẹ" is
// found as written, not as "Bố &amp; mẹ").
export const readDocx = (file: Buffer | Uint8Array): { xml: string; runs: string[] } => {
  const entries = unzipSync(new Uint8Array(file));
  const xml = Buffer.from(entries['word/document.xml']).toString('utf8');
  const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]));
  return { xml, runs };
};

// Whether some single run holds the text: labels and values are each written as one run.
export const hasRun = (runs: string[], text: string): boolean => runs.some((r) => r.includes(text));

// Every text a template prints whatever the case holds: headings, labels, options, columns.
export const labelsOf = (t: FormTemplate): string[] =>
  t.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.fields.flatMap((f: FormField) => [
    f.label,
    ...(f.kind === 'checkbox-choice' ? f.options.map((o) => o.label) : []),
    ...(f.kind === 'table' ? f.columns.map((c) => c.label) : []),
  ])]);

// supertest buffers only text by default: a .docx arrives as a Buffer through this parser.
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// GET /api/cases/:id/forms/:n as that user, the answer's body the file.
export const getForm = (t: TestApp, by: Login, caseId: string, n: string, query: Record<string, string> = {}) =>
  t.http().get(`/api/cases/${caseId}/forms/${n}`).query(query).set(auth(by)).buffer(true).parse(binary);

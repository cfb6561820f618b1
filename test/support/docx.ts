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
  const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1].replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]),
  );
  return { xml, runs };
};

// Whether some single run holds the text: labels and values are each written as one run.
export const hasRun = (runs: string[], text: string): boolean => runs.some((r) => r.includes(text));

// Every text a template prints whatever the case holds: headings, labels, options, columns.
export const labelsOf = (t: FormTemplate): string[] =>
  t.sections.flatMap((s) => [
    ...(s.heading ? [s.heading] : []),
    ...s.fields.flatMap((f: FormField) => [
      f.label,
      ...(f.kind === 'checkbox-choice' ? f.options.map((o) => o.label) : []),
      ...(f.kind === 'table' ? f.columns.map((c) => c.label) : []),
    ]),
  ]);

// supertest buffers only text by default: a file (.docx, .xlsx) arrives as a Buffer through this parser.
export const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// GET /api/cases/:id/forms/:n as that user, the answer's body the file.
export const getForm = (t: TestApp, by: Login, caseId: string, n: string, query: Record<string, string> = {}) =>
  t.http().get(`/api/cases/${caseId}/forms/${n}`).query(query).set(auth(by)).buffer(true).parse(binary);

export type DocxTable = { xml: string; grid: number[]; fixed: boolean; cellMargin: number; rows: string[][] };

const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]))
    .join('');

// The tables of document.xml (none nested) as a reader of the layout sees them: the grid's column widths in
// twips, whether the layout is fixed, the left cell margin (Word's 108 twips when the table sets none), and
// the text of each cell.
export const tablesOf = (xml: string): DocxTable[] =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([tbl]) => ({
    xml: tbl,
    grid: [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1])),
    fixed: /<w:tblLayout w:type="fixed"\/>/.test(tbl),
    cellMargin: Number(/<w:tblCellMar>[\s\S]*?<w:(?:left|start) w:w="(\d+)"/.exec(tbl)?.[1] ?? 108),
    rows: [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) =>
      [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => textOf(tc)),
    ),
  }));

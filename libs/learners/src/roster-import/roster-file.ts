import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { findHeaderRow } from './roster-columns';

export type RosterFileKind = 'xlsx' | 'csv';
// A row of the file under its header: `n` is its number as the spreadsheet shows it (1-based), `cells` its
// values as text, one per header.
export type RosterFileRow = { n: number; cells: string[] };
export type RosterSheet = { headerRow: number; headers: string[]; rows: RosterFileRow[] };

export type RosterFileProblem = 'unknown_type' | 'unreadable' | 'no_header' | 'too_many_rows';

export class RosterFileError extends Error {
  constructor(readonly problem: RosterFileProblem) {
    super(problem);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

// What the file is, by its name and its first bytes: an .xlsx is a zip; a .csv is text (no NUL byte). An .xls
// (the old binary format) or anything else is neither.
export const kindOf = (fileName: string, content: Buffer): RosterFileKind | null => {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return content.subarray(0, 4).equals(ZIP) ? 'xlsx' : null;
  if (ext === 'csv') return content.includes(0) ? null : 'csv';
  return null;
};

const iso = (d: Date): string => d.toISOString().slice(0, 10);

// A cell as the person reading the sheet sees it. Excel keeps a date as a UTC midnight: its date is the UTC one.
export const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : iso(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('error' in v) return '';
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return cellText(v.text);
  return '';
};

// The separator of a CSV export: Excel in a Vietnamese locale writes ';', most others ','.
const separatorOf = (text: string): string => {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
};

const sheetOf = async (kind: RosterFileKind, content: Buffer): Promise<ExcelJS.Worksheet | undefined> => {
  const book = new ExcelJS.Workbook();
  if (kind === 'xlsx') {
    await book.xlsx.load(content as unknown as ArrayBuffer);
    // The first sheet that holds anything: an export may open with an empty or a cover sheet.
    return book.worksheets.find((w) => w.actualRowCount > 0) ?? book.worksheets[0];
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  // Every cell as its text: exceljs' own reading would turn "0123456789" into a number and drop the 0.
  return book.csv.read(Readable.from([text]), {
    map: (v: unknown) => v,
    parserOptions: { delimiter: separatorOf(text) },
  });
};

// The sheet's header row (below any title rows and blank lines) and the rows under it, blank ones left out.
export const readRoster = async (kind: RosterFileKind, content: Buffer, maxRows: number): Promise<RosterSheet> => {
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    sheet = await sheetOf(kind, content);
  } catch {
    throw new RosterFileError('unreadable');
  }
  if (!sheet) throw new RosterFileError('no_header');
  if (sheet.actualRowCount > maxRows + 50) throw new RosterFileError('too_many_rows');
  const lines: { n: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    if (cells.some((c) => c !== '')) lines.push({ n, cells });
  });
  const at = findHeaderRow(lines.map((l) => l.cells));
  if (at === null) throw new RosterFileError('no_header');
  const header = lines[at];
  const headers = header.cells.map((h) => h.replace(/\s+/g, ' ').trim());
  const rows = lines.slice(at + 1).map(({ n, cells }) => ({ n, cells: headers.map((_, i) => cells[i] ?? '') }));
  if (rows.length > maxRows) throw new RosterFileError('too_many_rows');
  return { headerRow: header.n, headers, rows };
};

import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportDocument, WardDocument } from './report-document';
import { ExportTable, fill, reportTables, vnDate } from './report-tables';
import type { ReportTemplate } from './report-template';

// One sheet saying what the file is, then one sheet per table: Vietnamese headers, numbers as numbers, "<5" as
// text, the header row frozen. Written as a stream: each row leaves as it is committed.
const writeWorkbook = async (
  out: Writable,
  info: { sheet: string; rows: [string, string][] },
  tables: ExportTable[],
): Promise<void> => {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = 'Đồng Hành';
  const first = book.addWorksheet(info.sheet);
  first.columns = [{ width: 28 }, { width: 90 }];
  info.rows.forEach((r, i) => {
    const row = first.addRow(r);
    if (i === 0) row.font = { bold: true };
    row.commit();
  });
  first.commit();
  for (const table of tables) {
    const sheet = book.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((h, i) => ({
      header: h,
      width: i === 0 ? Math.max(30, h.length + 4) : Math.max(14, h.length + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of table.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await book.commit();
};

export const renderReportXlsx = (doc: ReportDocument, t: ReportTemplate, out: Writable): Promise<void> =>
  writeWorkbook(
    out,
    {
      sheet: t.info.sheet,
      rows: [
        [t.info.what, fill(t.titles[doc.kind], { schoolYear: doc.schoolYear })],
        [t.info.rows.school, doc.school],
        [t.info.rows.ward, doc.ward],
        [t.info.rows.kind, t.kinds[doc.kind] ?? doc.kind],
        [t.info.rows.period, `${vnDate(doc.from)} – ${vnDate(doc.to)}`],
        [t.info.rows.status, t.statuses[doc.status] ?? doc.status],
        [t.info.rows.generatedAt, doc.generatedAt],
        [t.info.rows.anchor, doc.anchorDigest ?? '—'],
        [t.info.rows.suppressed, t.info.suppressedNote],
      ],
    },
    reportTables(doc.figures, t),
  );

// The ward's roll-up: what the file is, then each school's report (status, first sending, lateness, the anchor
// digest it was sent with), then the accepted reports' figures summed, suppressed as any export.
export const renderWardXlsx = (doc: WardDocument, t: ReportTemplate, out: Writable): Promise<void> => {
  const schools: ExportTable = {
    sheet: t.ward.sheet,
    title: t.ward.sheet,
    header: [...t.ward.header],
    rows: doc.schools.map((s) => [
      s.code,
      s.name,
      t.ward.statuses[s.status] ?? s.status,
      s.firstSubmittedAt,
      s.workingDaysLate,
      s.anchorDigest,
    ]),
  };
  return writeWorkbook(
    out,
    {
      sheet: t.info.sheet,
      rows: [
        [t.info.what, fill(t.ward.title, { kind: t.kinds[doc.kind] ?? doc.kind, schoolYear: doc.schoolYear })],
        [t.info.rows.ward, doc.ward],
        [t.info.rows.kind, t.kinds[doc.kind] ?? doc.kind],
        [t.info.rows.period, `${vnDate(doc.from)} – ${vnDate(doc.to)}`],
        [t.ward.accepted, String(doc.reports)],
        [t.info.rows.generatedAt, doc.generatedAt],
        [t.info.rows.anchor, t.ward.anchorNote],
        [t.info.rows.suppressed, t.info.suppressedNote],
      ],
    },
    [schools, ...(doc.figures ? reportTables(doc.figures, t) : [])],
  );
};

import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportDocument } from './report-document';
import { fill, reportTables, vnDate } from './report-tables';
import type { ReportTemplate } from './report-template';

// One sheet saying what the file is, then one sheet per table: Vietnamese headers, numbers as numbers, "<5" as
// text, the header row frozen. Written as a stream: each row leaves as it is committed.
export const renderReportXlsx = async (doc: ReportDocument, t: ReportTemplate, out: Writable): Promise<void> => {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = 'Đồng Hành';
  const info = book.addWorksheet(t.info.sheet);
  info.columns = [{ width: 28 }, { width: 90 }];
  const rows: [string, string][] = [
    [t.info.what, fill(t.titles[doc.kind], { schoolYear: doc.schoolYear })],
    [t.info.rows.school, doc.school],
    [t.info.rows.ward, doc.ward],
    [t.info.rows.kind, t.kinds[doc.kind] ?? doc.kind],
    [t.info.rows.period, `${vnDate(doc.from)} – ${vnDate(doc.to)}`],
    [t.info.rows.status, t.statuses[doc.status] ?? doc.status],
    [t.info.rows.generatedAt, doc.generatedAt],
    [t.info.rows.anchor, doc.anchorDigest ?? '—'],
    [t.info.rows.suppressed, t.info.suppressedNote],
  ];
  rows.forEach((r, i) => {
    const row = info.addRow(r);
    if (i === 0) row.font = { bold: true };
    row.commit();
  });
  info.commit();

  for (const table of reportTables(doc, t)) {
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

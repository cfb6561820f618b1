import {
  AlignmentType,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { REPORT_SECTIONS } from '../report/report-content';
import type { ReportDocument } from './report-document';
import { ExportTable, fill, reportTables, vnDate } from './report-tables';
import type { ReportTemplate } from './report-template';

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, as administrative documents are set

const centred = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, ...opts })] });

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

const table = (t: ExportTable): (Paragraph | Table)[] => [
  new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: t.title, bold: true })] }),
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v === null ? '—' : String(v))) })),
    ],
  }),
];

// A text the principal wrote, one paragraph per line.
const prose = (text: string, empty: string): Paragraph[] =>
  (text.trim() ? text.split(/\r?\n/) : [empty]).map((line) => new Paragraph({ children: [new TextRun(line)] }));

// The report as the offices exchange it: the national heading, school and ward, title and period, the sections in
// the plan's order with the figures under the results, the signature, and the anchor on the last page.
export const renderReportDocx = (doc: ReportDocument, t: ReportTemplate): Promise<Buffer> => {
  const [y, m, d] = doc.signedOn.split('-');
  const sections = REPORT_SECTIONS.flatMap((s) => [
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: t.sections[s], bold: true })] }),
    ...prose(doc.texts[s], t.noText),
    ...(s === 'results'
      ? [
          new Paragraph({ children: [new TextRun({ text: t.figuresHeading, italics: true })] }),
          ...reportTables(doc.figures, t).flatMap(table),
        ]
      : []),
  ]);
  const anchor = doc.anchorDigest
    ? [
        new Paragraph({ children: [new PageBreak()] }),
        new Paragraph({ children: [new TextRun({ text: t.anchor.title, bold: true })] }),
        new Paragraph({ children: [new TextRun(fill(t.anchor.text, { chains: doc.anchoredChains }))] }),
        new Paragraph({ children: [new TextRun({ text: doc.anchorDigest, font: 'Courier New' })] }),
      ]
    : [];
  const document = new Document({
    creator: 'Đồng Hành',
    title: fill(t.titles[doc.kind], { schoolYear: doc.schoolYear }),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        children: [
          centred(doc.ward.toUpperCase()),
          centred(doc.school.toUpperCase(), { bold: true }),
          centred(t.heading.nation, { bold: true }),
          centred(t.heading.motto, { bold: true }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: fill(t.signature.place, { day: d, month: m, year: y }), italics: true })],
          }),
          centred(fill(t.titles[doc.kind], { schoolYear: doc.schoolYear }), { bold: true }),
          centred(t.subtitle, { bold: true }),
          centred(fill(t.period, { from: vnDate(doc.from), to: vnDate(doc.to) }), { italics: true }),
          centred(fill(t.recipient, { ward: doc.ward })),
          ...(doc.incidentSummary
            ? [
                new Paragraph({
                  children: [new TextRun({ text: `${t.incident}: `, bold: true }), new TextRun(doc.incidentSummary)],
                }),
              ]
            : []),
          ...sections,
          new Paragraph({
            spacing: { before: 400 },
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: t.signature.role, bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: t.signature.note, italics: true })],
          }),
          ...anchor,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
};

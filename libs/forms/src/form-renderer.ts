import {
  AlignmentType,
  BorderStyle,
  Document,
  FileChild,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  ChoiceField,
  DateField,
  FormField,
  FormLetterhead,
  FormTemplate,
  FormValue,
  FormValues,
  SignatureField,
  TableColumn,
  TableField,
  TableRowValue,
  TextField,
} from './form-template';
import { longestWordWidth, textWidth } from './text-width';

// Like the paper form: a blank is a dotted line to write on. Each label and each value is one TextRun, so a
// reader of document.xml (and Word's search) finds it whole.
const DOT = '…';
const dots = (n: number): string => DOT.repeat(n);
const DEFAULT_DOTS = 40;
const LINE_DOTS = 75;
const CHECKED = '☒';
const UNCHECKED = '☐';
const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, the size of Vietnamese administrative documents (Decree 30/2020)
const TABLE_SIZE = 22;
// A4 (11906 twips) less Decree 30's margins: 3 cm left, 2 cm right.
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right;
// Each table sets its cells' side margins, so the widths below are what the text really gets.
const CELL_MARGIN = 80;
// Room for rounding, and for a reader whose font is a hair wider than Times New Roman's metrics.
const SLACK = 60;

export const NATIONAL_HEADING = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

const isBlank = (v: FormValue | undefined): v is null | undefined =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const asText = (v: FormValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

// 'YYYY-MM-DD' → 14/05/2013; 'YYYY-MM-DD HH:mm' → 08 giờ 30, ngày 02/03/2026.
export const formatDate = (v: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(v);
  if (!m) return v;
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${m[4]} giờ ${m[5]}, ngày ${day}` : day;
};

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, ...opts });
const para = (children: TextRun[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType], after = 60) =>
  new Paragraph({ children, alignment, spacing: { after } });
const labelRun = (label: string) => run(`${label}: `);

// A dotted blank never longer than what is left of its line: a longer one wraps onto a stray second line.
const fitDots = (wanted: number, room: number, size = SIZE, bold = false): string =>
  dots(Math.max(1, Math.min(wanted, Math.floor((room - SLACK) / textWidth(DOT, size, bold)))));
const blankAfter = (label: string, wanted: number): string =>
  fitDots(wanted, TEXT_WIDTH - textWidth(`${label}: `, SIZE));

const textField = (f: TextField, v: FormValue | undefined): Paragraph[] => {
  const value = asText(v);
  const lines = f.lines ?? 1;
  if (value !== null) {
    const [first, ...rest] = value.split(/\r?\n/);
    return [para([labelRun(f.label), run(first)]), ...rest.map((l) => para([run(l)]))];
  }
  const blank = para([labelRun(f.label), run(blankAfter(f.label, f.dots ?? DEFAULT_DOTS))]);
  return [blank, ...Array.from({ length: lines - 1 }, () => para([run(fitDots(LINE_DOTS, TEXT_WIDTH))]))];
};

const dateField = (f: DateField, v: FormValue | undefined): Paragraph[] => {
  const value = asText(v);
  return [para([labelRun(f.label), run(value === null ? `${dots(3)}/${dots(3)}/${dots(5)}` : formatDate(value))])];
};

const choiceField = (f: ChoiceField, v: FormValue | undefined, values: FormValues): Paragraph[] => {
  const chosen = new Set(
    typeof v === 'string'
      ? [v]
      : Array.isArray(v)
        ? (v as unknown[]).filter((x): x is string => typeof x === 'string')
        : [],
  );
  const boxes = f.options.map((o) => {
    const box = `${chosen.has(o.value) ? CHECKED : UNCHECKED} ${o.label}`;
    if (!o.detailKey) return run(`${box}    `);
    const detail = chosen.has(o.value) ? asText(values[o.detailKey]) : null;
    return run(`${box}: ${detail ?? dots(20)}    `);
  });
  return [para([labelRun(f.label), ...boxes])];
};

// 11 pt in tables: the session log has nine columns on a portrait page.
const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [para([run(text, { bold, size: TABLE_SIZE })], undefined, 0)],
  });

// Laid out from its grid, whatever program opens it: Word's autofit would size columns its own way.
const fixedTable = (columnWidths: number[], rows: TableRow[], borders?: typeof TableBorders.NONE) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    ...(borders ? { borders } : {}),
    rows,
  });

const isDots = (text: string): boolean => /^…*$/.test(text);

// Columns sized to their content, as a browser sizes an automatic table: never narrower than the longest word a
// column holds (so no word breaks mid-way), the rest of the page shared by how much each column has to say.
// Blank dots stretch to any width and are not counted. Only when the words alone are wider than the page do
// columns shrink below them.
export const columnWidths = (columns: { header: string; cells: string[] }[], total = TEXT_WIDTH): number[] => {
  const pad = 2 * CELL_MARGIN + SLACK;
  const measure = (
    c: { header: string; cells: string[] },
    of: (text: string, size: number, bold?: boolean) => number,
  ) =>
    Math.ceil(
      Math.max(of(c.header, TABLE_SIZE, true), ...c.cells.filter((t) => !isDots(t)).map((t) => of(t, TABLE_SIZE))),
    ) + pad;
  const min = columns.map((c) => measure(c, longestWordWidth));
  const want = columns.map((c, i) => Math.max(min[i], measure(c, textWidth)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(want) <= total) widths = want.map((w) => (w * total) / sum(want));
  else if (sum(min) <= total) {
    const extra = want.map((w, i) => w - min[i]);
    widths = min.map((m, i) => m + ((total - sum(min)) * extra[i]) / sum(extra));
  } else widths = min.map((m) => (m * total) / sum(min));
  const whole = widths.map(Math.floor);
  // What rounding left over goes to the widest column, so the grid fills the text width exactly.
  whole[whole.indexOf(Math.max(...whole))] += total - sum(whole);
  return whole;
};

const tableField = (f: TableField, v: FormValue | undefined): FileChild[] => {
  const rows = Array.isArray(v) && !isBlank(v) ? (v as TableRowValue[]) : [];
  const blanks = rows.length ? 0 : (f.emptyRows ?? 3);
  const shown = (c: TableColumn, v: string | null): string => {
    const option = v === null ? undefined : c.options?.find((o) => o.value === v);
    // Dates and instants in a row ('YYYY-MM-DD[ HH:mm]') print as the date fields do.
    return option ? option.label : v === null ? dots(4) : formatDate(v);
  };
  const texts = rows.map((r) => f.columns.map((c) => shown(c, asText(r[c.key]))));
  const widths = columnWidths(f.columns.map((c, i) => ({ header: c.label, cells: texts.map((t) => t[i]) })));
  const header = new TableRow({ tableHeader: true, children: f.columns.map((c, i) => cell(c.label, widths[i], true)) });
  const blank = (w: number) => fitDots(4, w - 2 * CELL_MARGIN, TABLE_SIZE);
  const body = texts.map(
    (t) => new TableRow({ children: t.map((text, i) => cell(isDots(text) ? blank(widths[i]) : text, widths[i])) }),
  );
  const empty = Array.from({ length: blanks }, () => new TableRow({ children: widths.map((w) => cell(blank(w), w)) }));
  return [para([run(`${f.label}:`)]), fixedTable(widths, [header, ...body, ...empty]), para([])];
};

// "Phường Đống Đa, ngày 02 tháng 03 năm 2026", dotted where unknown, as a signer writes it by hand.
export const placeAndDate = (place: string | null, date: string | null): string => {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  const [d, mo, y] = m ? [m[3], m[2], m[1]] : [dots(3), dots(3), dots(4)];
  return `${place ?? dots(10)}, ngày ${d} tháng ${mo} năm ${y}`;
};

const invisible = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const SIGN = '(Ký, ghi rõ họ tên)';
// Room to sign; more where the school's stamp goes over the signature.
const SIGNING_SPACE = 1200;
const STAMP_SPACE = 1700;

const signatureBlock = (signers: SignatureField[], values: FormValues, letterhead: FormLetterhead): FileChild[] => {
  const dateKey = signers.find((s) => s.dateKey)?.dateKey;
  const width = Math.floor(TEXT_WIDTH / signers.length);
  // One height for the row, so the names line up under a stamp beside them.
  const space = signers.some((s) => s.note) ? STAMP_SPACE : SIGNING_SPACE;
  const column = (s: SignatureField) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: invisible, bottom: invisible, left: invisible, right: invisible },
      children: [
        para([run(s.label, { bold: true })], AlignmentType.CENTER, 0),
        para([run(s.note ?? SIGN, { italics: true })], AlignmentType.CENTER, space),
        para(
          [run(asText(values[s.key]) ?? fitDots(25, width - 2 * CELL_MARGIN, SIZE, true), { bold: true })],
          AlignmentType.CENTER,
        ),
      ],
    });
  return [
    para(
      [run(placeAndDate(letterhead.wardName, dateKey ? asText(values[dateKey]) : null), { italics: true })],
      AlignmentType.RIGHT,
      120,
    ),
    fixedTable(
      signers.map(() => width),
      [new TableRow({ children: signers.map(column) })],
      TableBorders.NONE,
    ),
  ];
};

const fieldBlock = (f: Exclude<FormField, SignatureField>, values: FormValues): FileChild[] => {
  const v = values[f.key];
  switch (f.kind) {
    case 'text':
      return textField(f, v);
    case 'date':
      return dateField(f, v);
    case 'checkbox-choice':
      return choiceField(f, v, values);
    case 'table':
      return tableField(f, v);
  }
};

// The body above the school ("UBND PHƯỜNG ĐỐNG ĐA"): the ward's People's Committee, unless the ward's name
// already says so.
export const issuingBody = (wardName: string): string => {
  const upper = wardName.trim().toLocaleUpperCase('vi');
  return /^(UBND|Ủ?Y BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\b/u.test(upper) ? upper : `UBND ${upper}`;
};

// The national heading's column is as wide as its first line in bold 13 pt, so neither line ever wraps; the
// issuing body has the rest (a long school name takes two lines there, as Decree 30 allows).
const HEADING_COLUMN = Math.ceil(textWidth(NATIONAL_HEADING[0], SIZE, true)) + 2 * CELL_MARGIN + SLACK;

// Who issues the form on the left, in capitals, the national heading on the right (Decree 30/2020, Appendix I).
const letterheadBlock = (l: FormLetterhead): Table => {
  const widths = [TEXT_WIDTH - HEADING_COLUMN, HEADING_COLUMN];
  return fixedTable(
    widths,
    [
      new TableRow({
        children: [
          new TableCell({
            width: { size: widths[0], type: WidthType.DXA },
            children: [
              ...(l.wardName ? [para([run(issuingBody(l.wardName))], AlignmentType.CENTER, 0)] : []),
              para([run(l.schoolName.toLocaleUpperCase('vi'), { bold: true })], AlignmentType.CENTER, 0),
            ],
          }),
          new TableCell({
            width: { size: widths[1], type: WidthType.DXA },
            children: NATIONAL_HEADING.map(
              (line) =>
                new Paragraph({
                  children: [run(line, { bold: true })],
                  alignment: AlignmentType.CENTER,
                  keepLines: true,
                  spacing: { after: 0 },
                }),
            ),
          }),
        ],
      }),
    ],
    TableBorders.NONE,
  );
};

// "Mẫu số 01" for the Circular's numbered forms; the plan and the contacts log have no number.
const numbered = (t: FormTemplate): string | null => (/^\d+$/.test(t.form) ? `Mẫu số ${t.form}` : null);

export const renderForm = (template: FormTemplate, letterhead: FormLetterhead, values: FormValues): Promise<Buffer> => {
  const body: FileChild[] = [
    letterheadBlock(letterhead),
    para(numbered(template) ? [run(numbered(template) as string, { italics: true })] : [], AlignmentType.RIGHT, 240),
    para([run(template.title, { bold: true, size: SIZE + 2 })], AlignmentType.CENTER, template.subtitle ? 0 : 240),
    ...(template.subtitle ? [para([run(template.subtitle, { italics: true })], AlignmentType.CENTER, 240)] : []),
  ];
  for (const section of template.sections) {
    if (section.heading) body.push(para([run(section.heading, { bold: true })], undefined, 120));
    let signers: SignatureField[] = [];
    const flush = () => {
      if (signers.length) body.push(...signatureBlock(signers, values, letterhead));
      signers = [];
    };
    for (const f of section.fields) {
      if (f.kind === 'signature') signers.push(f);
      else {
        flush();
        body.push(...fieldBlock(f, values));
      }
    }
    flush();
  }
  const doc = new Document({
    creator: 'Đồng Hành',
    title: numbered(template) ? `${numbered(template)} – ${template.title}` : template.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: MARGIN } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
};

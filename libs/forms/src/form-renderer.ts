import {
  AlignmentType, BorderStyle, Document, FileChild, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { ChoiceField, DateField, FormField, FormLetterhead, FormTemplate, FormValue, FormValues, SignatureField, TableColumn, TableField, TableRowValue, TextField } from './form-template';

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

export const NATIONAL_HEADING = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

const isBlank = (v: FormValue | undefined): v is null | undefined => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const asText = (v: FormValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

// 'YYYY-MM-DD' → 14/05/2013; 'YYYY-MM-DD HH:mm' → 08 giờ 30, ngày 02/03/2026.
export const formatDate = (v: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(v);
  if (!m) return v;
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${m[4]} giờ ${m[5]}, ngày ${day}` : day;
};

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, ...opts });
const para = (children: TextRun[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType], after = 60) =>
  new Paragraph({ children, alignment, spacing: { after } });
const labelRun = (label: string) => run(`${label}: `);

const textField = (f: TextField, v: FormValue | undefined): Paragraph[] => {
  const value = asText(v);
  const lines = f.lines ?? 1;
  if (value !== null) {
    const [first, ...rest] = value.split(/\r?\n/);
    return [para([labelRun(f.label), run(first)]), ...rest.map((l) => para([run(l)]))];
  }
  if (lines === 1) return [para([labelRun(f.label), run(dots(f.dots ?? DEFAULT_DOTS))])];
  return [para([labelRun(f.label), run(dots(f.dots ?? DEFAULT_DOTS))]), ...Array.from({ length: lines - 1 }, () => para([run(dots(LINE_DOTS))]))];
};

const dateField = (f: DateField, v: FormValue | undefined): Paragraph[] => {
  const value = asText(v);
  return [para([labelRun(f.label), run(value === null ? `${dots(3)}/${dots(3)}/${dots(5)}` : formatDate(value))])];
};

const choiceField = (f: ChoiceField, v: FormValue | undefined, values: FormValues): Paragraph[] => {
  const chosen = new Set(typeof v === 'string' ? [v] : Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const boxes = f.options.map((o) => {
    const box = `${chosen.has(o.value) ? CHECKED : UNCHECKED} ${o.label}`;
    if (!o.detailKey) return run(`${box}    `);
    const detail = chosen.has(o.value) ? asText(values[o.detailKey]) : null;
    return run(`${box}: ${detail ?? dots(20)}    `);
  });
  return [para([labelRun(f.label), ...boxes])];
};

// 11 pt in tables: the session log has nine columns on a portrait page.
const cell = (text: string, bold = false) => new TableCell({ children: [para([run(text, { bold, size: 22 })], undefined, 0)] });

const tableField = (f: TableField, v: FormValue | undefined): FileChild[] => {
  const rows = Array.isArray(v) && !isBlank(v) ? (v as TableRowValue[]) : [];
  const blanks = rows.length ? 0 : (f.emptyRows ?? 3);
  const header = new TableRow({ tableHeader: true, children: f.columns.map((c) => cell(c.label, true)) });
  const shown = (c: TableColumn, v: string | null): string => {
    const option = v === null ? undefined : c.options?.find((o) => o.value === v);
    // Dates and instants in a row ('YYYY-MM-DD[ HH:mm]') print as the date fields do.
    return option ? option.label : v === null ? dots(4) : formatDate(v);
  };
  const body = rows.map((r) => new TableRow({ children: f.columns.map((c) => cell(shown(c, asText(r[c.key])))) }));
  const empty = Array.from({ length: blanks }, () => new TableRow({ children: f.columns.map(() => cell(dots(4))) }));
  return [
    para([run(`${f.label}:`)]),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body, ...empty] }),
    para([]),
  ];
};

// "Phường Đống Đa, ngày 02 tháng 03 năm 2026", dotted where unknown, as a signer writes it by hand.
export const placeAndDate = (place: string | null, date: string | null): string => {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  const [d, mo, y] = m ? [m[3], m[2], m[1]] : [dots(3), dots(3), dots(4)];
  return `${place ?? dots(10)}, ngày ${d} tháng ${mo} năm ${y}`;
};

const invisible = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const signatureBlock = (signers: SignatureField[], values: FormValues, letterhead: FormLetterhead): FileChild[] => {
  const dateKey = signers.find((s) => s.dateKey)?.dateKey;
  const column = (s: SignatureField) =>
    new TableCell({
      borders: { top: invisible, bottom: invisible, left: invisible, right: invisible },
      children: [
        para([run(s.label, { bold: true })], AlignmentType.CENTER, 0),
        para([run('(Ký, ghi rõ họ tên)', { italics: true })], AlignmentType.CENTER, 1200),
        para([run(asText(values[s.key]) ?? dots(25), { bold: true })], AlignmentType.CENTER),
      ],
    });
  return [
    para([run(placeAndDate(letterhead.wardName, dateKey ? asText(values[dateKey]) : null), { italics: true })], AlignmentType.RIGHT, 120),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows: [new TableRow({ children: signers.map(column) })] }),
  ];
};

const fieldBlock = (f: Exclude<FormField, SignatureField>, values: FormValues): FileChild[] => {
  const v = values[f.key];
  switch (f.kind) {
    case 'text': return textField(f, v);
    case 'date': return dateField(f, v);
    case 'checkbox-choice': return choiceField(f, v, values);
    case 'table': return tableField(f, v);
  }
};

// The school on the left, the national heading on the right, as on Vietnamese administrative forms.
const letterheadBlock = (l: FormLetterhead): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({
      children: [
        new TableCell({
          width: { size: 40, type: WidthType.PERCENTAGE },
          children: [
            ...(l.wardName ? [para([run(l.wardName)], AlignmentType.CENTER, 0)] : []),
            para([run(l.schoolName, { bold: true })], AlignmentType.CENTER, 0),
          ],
        }),
        new TableCell({
          width: { size: 60, type: WidthType.PERCENTAGE },
          children: NATIONAL_HEADING.map((line) => para([run(line, { bold: true })], AlignmentType.CENTER, 0)),
        }),
      ],
    })],
  });

export const renderForm = (template: FormTemplate, letterhead: FormLetterhead, values: FormValues): Promise<Buffer> => {
  const body: FileChild[] = [
    letterheadBlock(letterhead),
    para([run(`Mẫu ${template.form}`, { italics: true })], AlignmentType.RIGHT, 240),
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
    title: `Mẫu ${template.form} – ${template.title}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      children: body,
    }],
  });
  return Packer.toBuffer(doc);
};

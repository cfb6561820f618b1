import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BreachCategory, BreachResponsible } from './breach.entity';
import template from './breach-documents.json';

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, as administrative documents are set

// The facts a letter or a notice prints, as recorded; times are printed in the installation's zone.
export type BreachDocument = {
  description: string;
  detectedAt: Date;
  categories: BreachCategory[];
  subjectsEstimate: number;
  // The names of the schools concerned; empty: every school.
  schools: string[];
  consequences: string;
  measuresTaken: string;
  responsible: BreachResponsible;
  authorityNotifiedAt: Date | null;
  lateReason: string | null;
  issuedAt: Date;
  timeZone: string;
};

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

const parts = (d: Date, timeZone: string): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );

// "14 giờ 30 phút, ngày 13/02/2026": how an official letter gives an instant.
export const vnDateTime = (d: Date, timeZone: string): string => {
  const p = parts(d, timeZone);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
};

export const vnDate = (d: Date, timeZone: string): string => {
  const p = parts(d, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
};

const run = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, ...opts });
const para = (children: TextRun[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ alignment, spacing: { after: 80 }, children });
const centred = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
  para([run(text, opts)], AlignmentType.CENTER);
// Text someone typed, one paragraph per line.
const prose = (text: string): Paragraph[] => text.split(/\r?\n/).map((line) => para([run(line)]));
const item = (label: string, body: Paragraph[]): Paragraph[] => [
  new Paragraph({ spacing: { before: 160 }, children: [run(`${label}:`, { bold: true })] }),
  ...body,
];

// The two-column head of an administrative document: the sender on the left, the nation and motto on the
// right, without borders.
const header = (): Table => {
  const none = { style: 'none' as const, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const cell = (lines: [string, boolean][]) =>
    new TableCell({
      borders: { top: none, bottom: none, left: none, right: none },
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map(([text, bold]) => centred(text, { bold })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({
        children: [
          cell([
            [template.heading.sender, true],
            [template.heading.senderNote, false],
          ]),
          cell([
            [template.heading.nation, true],
            [template.heading.motto, true],
          ]),
        ],
      }),
    ],
  });
};

const dated = (d: BreachDocument): Paragraph => {
  const p = parts(d.issuedAt, d.timeZone);
  return para(
    [run(`${template.heading.place}, ngày ${p.day} tháng ${p.month} năm ${p.year}`, { italics: true })],
    AlignmentType.RIGHT,
  );
};

const orBlank = (v: string | null) => v ?? template.notRecorded;
const contactValues = (r: BreachResponsible) => ({
  fullName: r.fullName,
  position: orBlank(r.position),
  phone: r.phone,
  email: orBlank(r.email),
});
// A family reads only what is known: no placeholder for a position or an address not given.
const noticeContact = (r: BreachResponsible) => ({
  person: r.position
    ? fill(template.notice.contactPosition, { fullName: r.fullName, position: r.position })
    : r.fullName,
  phone: r.phone,
  email: r.email ? fill(template.notice.contactEmail, { email: r.email }) : '',
});
const categoryLines = (d: BreachDocument): Paragraph[] =>
  d.categories.map((c) => para([run(`- ${template.categories[c]}`)]));
const schoolsText = (d: BreachDocument): string => (d.schools.length ? d.schools.join('; ') : template.allSchools);

const signature = (role: string, note: string, name?: string): Paragraph[] => [
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 400 }, children: [run(role, { bold: true })] }),
  para([run(note, { italics: true })], AlignmentType.RIGHT),
  ...(name ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 800 }, children: [run(name)] })] : []),
];

const render = (title: string, children: (Paragraph | Table)[]): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      creator: 'Đồng Hành',
      title,
      styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
      sections: [{ children }],
    }),
  );

// The letter to the authority (Law 91/2025, Decree 356/2025): what happened, when it was detected, which data,
// how many learners, the schools, the likely consequences, the measures taken, who answers for it, and why late
// where the 72 hours had passed.
export const renderAuthorityLetter = (d: BreachDocument): Promise<Buffer> => {
  const t = template.letter;
  return render(t.title, [
    header(),
    dated(d),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [run(t.title, { bold: true })],
    }),
    centred(t.to),
    para([run(t.intro)]),
    ...item(t.items.description, prose(d.description)),
    ...item(t.items.detectedAt, [para([run(vnDateTime(d.detectedAt, d.timeZone))])]),
    ...item(t.items.categories, categoryLines(d)),
    ...item(t.items.subjects, [para([run(fill(t.subjects, { n: d.subjectsEstimate }))])]),
    ...item(t.items.schools, [para([run(schoolsText(d))])]),
    ...item(t.items.consequences, prose(d.consequences)),
    ...item(t.items.measures, prose(d.measuresTaken)),
    ...item(t.items.responsible, [para([run(fill(t.contact, contactValues(d.responsible)))])]),
    ...(d.lateReason ? item(t.items.lateReason, prose(d.lateReason)) : []),
    para([run(t.closing)]),
    ...t.recipients.split('\n').map((line, i) => para([run(line, { bold: i === 0, italics: i === 0 })])),
    ...signature(t.signature, t.signatureNote, d.responsible.fullName),
  ]);
};

// The notice a school sends the families of the learners concerned: the same facts in plain words, what they
// may do, and whom to ask.
export const renderGuardianNotice = (d: BreachDocument): Promise<Buffer> => {
  const t = template.notice;
  return render(t.subtitle, [
    header(),
    dated(d),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [run(t.title, { bold: true })],
    }),
    centred(t.subtitle, { bold: true }),
    centred(fill(t.to, { schools: schoolsText(d) })),
    para([run(t.intro)]),
    ...item(t.items.description, prose(d.description)),
    ...item(t.items.detectedAt, [para([run(vnDateTime(d.detectedAt, d.timeZone))])]),
    ...item(t.items.categories, categoryLines(d)),
    ...item(t.items.consequences, prose(d.consequences)),
    ...item(t.items.measures, prose(d.measuresTaken)),
    ...item(t.items.authority, [
      para([
        run(
          d.authorityNotifiedAt
            ? fill(t.authorityDone, { date: vnDate(d.authorityNotifiedAt, d.timeZone) })
            : t.authorityPending,
        ),
      ]),
    ]),
    para([run(t.advice)]),
    para([run(fill(t.contact, noticeContact(d.responsible)))]),
    para([run(t.closing)]),
    ...signature(t.signature, t.signatureNote),
  ]);
};

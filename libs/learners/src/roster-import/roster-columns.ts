import { nameKey } from '@dh/labels';

// What a roster row can fill in a learner; the name alone is required of a mapping.
export const ROSTER_FIELDS = [
  'fullName',
  'dateOfBirth',
  'sex',
  'className',
  'nationalId',
  'guardianName',
  'guardianPhone',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

// Each field → the header of the file's column that holds it (as the file spells it); a field left out is not read.
export type RosterMapping = Partial<Record<RosterField, string>>;

// Headers as Vietnamese schools' exports spell them (the SMAS, VnEdu and MOET database exports, and hand-made
// sheets), compared without diacritics, case or punctuation: "Họ và tên", "HO VA TEN" and "Họ & tên" meet.
const ALIASES: Record<RosterField, string[]> = {
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten hoc sinh',
    'ho ten hoc sinh',
    'ten hoc sinh',
    'hoc sinh',
    'full name',
    'name',
  ],
  dateOfBirth: ['ngay sinh', 'ngay thang nam sinh', 'ngay sinh hoc sinh', 'date of birth', 'birth date', 'dob'],
  sex: ['gioi tinh', 'gioi', 'nam nu', 'sex', 'gender'],
  className: ['lop', 'lop hoc', 'ten lop', 'class'],
  nationalId: [
    'ma dinh danh',
    'ma dinh danh hoc sinh',
    'ma dinh danh ca nhan',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma so dinh danh',
    'national id',
  ],
  guardianName: [
    'ho ten cha me',
    'ho ten cha',
    'ho ten me',
    'ho ten bo',
    'ho ten cha me hoac nguoi giam ho',
    'ho ten cha me nguoi giam ho',
    'cha me',
    'ho ten phu huynh',
    'phu huynh',
    'ho ten nguoi giam ho',
    'nguoi giam ho',
    'guardian',
  ],
  guardianPhone: [
    'so dien thoai',
    'dien thoai',
    'sdt',
    'so dt',
    'dt',
    'so dien thoai phu huynh',
    'sdt phu huynh',
    'phone',
  ],
};

// "Họ tên cha/mẹ" → "ho ten cha me".
export const headerKey = (text: string): string =>
  nameKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const EXACT = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((f) => ALIASES[f].map((a) => [a, f] as [string, RosterField])),
);

// The field a header names: its exact alias, else the longest alias it holds as whole words ("Số điện thoại liên
// hệ" → guardianPhone); none when two fields' aliases of one length tie.
export const fieldOfHeader = (header: string): RosterField | null => {
  const key = headerKey(header);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  const padded = ` ${key} `;
  let best: { field: RosterField; length: number; tie: boolean } | null = null;
  for (const [alias, field] of EXACT) {
    if (alias.length < 3 || !padded.includes(` ${alias} `)) continue;
    if (!best || alias.length > best.length) best = { field, length: alias.length, tie: false };
    else if (alias.length === best.length && field !== best.field) best.tie = true;
  }
  return best && !best.tie ? best.field : null;
};

// What the app proposes from the header names: each field to the first column that names it.
export const proposeMapping = (headers: string[]): RosterMapping => {
  const mapping: RosterMapping = {};
  for (const h of headers) {
    const f = fieldOfHeader(h);
    if (f && mapping[f] === undefined) mapping[f] = h;
  }
  return mapping;
};

// How many columns of a row name a field: the header row is the first row naming the learner's name and at
// least one other field. Title rows (one merged cell, its text repeated in each column it spans) and blank lines
// above it name none.
const fieldsNamed = (cells: string[]): Set<RosterField> =>
  new Set(cells.map(fieldOfHeader).filter((f): f is RosterField => f !== null));

// The index (in `rows`) of the header row among the first rows of a sheet; null when none looks like one.
export const findHeaderRow = (rows: string[][], scan = 30): number | null => {
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const named = fieldsNamed(rows[i]);
    if (named.has('fullName') && named.size >= 2) return i;
  }
  return null;
};

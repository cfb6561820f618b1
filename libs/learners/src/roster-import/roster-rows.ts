import { nameKey } from '@dh/labels';
import { LEARNER_AGE_WHEN_RECORDED } from '../learner-age';
import { ageOn } from '@dh/calendar';
import { learnerNameKey } from '../learner-name-key';
import type { Sex } from '../learner.entity';
import type { RosterField, RosterMapping } from './roster-columns';
import type { RosterFileRow } from './roster-file';

// A row of the roster that can be taken, as a learner's fields.
export type RosterRow = {
  row: number;
  fullName: string;
  skeletonKey: string;
  dateOfBirth: string;
  sex: Sex;
  className: string;
  nationalId: string | null;
  guardian: { fullName: string; phone: string | null } | null;
};

export type RowProblemCode =
  | 'no_name'
  | 'bad_birth_date'
  | 'implausible_birth_date'
  | 'unknown_sex'
  | 'no_class'
  | 'bad_national_id'
  | 'bad_phone'
  | 'duplicate_in_file';
export type RowProblem = { field: RosterField; code: RowProblemCode; message: string; messageEn: string };
export type RefusedRow = { row: number; fullName: string; problems: RowProblem[] };

const problem = (field: RosterField, code: RowProblemCode, message: string, messageEn: string): RowProblem => ({
  field,
  code,
  message,
  messageEn,
});

const pad = (n: number) => String(n).padStart(2, '0');

// The day Excel counts its serial dates from (its 1900 leap-year bug included).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const realDate = (y: number, m: number, d: number): string | null => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
};

// A birth date as schools write it: 14/05/2013, 14-5-2013, 14.05.2013 (day first, as in Vietnam), 2013-05-14, or
// a date cell (already read as 2013-05-14) or Excel's serial number of a date typed into a number cell.
export const parseBirthDate = (text: string): string | null => {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{4,5}$/.test(t)) {
    const d = new Date(EXCEL_EPOCH_MS + Number(t) * 86_400_000);
    return realDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
};

const SEXES: Record<string, Sex> = {
  nam: 'nam',
  m: 'nam',
  male: 'nam',
  trai: 'nam',
  nu: 'nu',
  f: 'nu',
  female: 'nu',
  gai: 'nu',
  '': 'khong_ro',
  'khong ro': 'khong_ro',
  khong_ro: 'khong_ro',
};

export const parseSex = (text: string): Sex | null => SEXES[nameKey(text)] ?? null;

const PHONE = /^[0-9+ ().-]{6,20}$/;
const NATIONAL_ID = /^\d{10,12}$/;

type Cells = (field: RosterField) => string;

const cellsOf =
  (headers: string[], mapping: RosterMapping, row: RosterFileRow): Cells =>
  (field) => {
    const header = mapping[field];
    if (header === undefined) return '';
    const i = headers.indexOf(header);
    return i < 0 ? '' : (row.cells[i] ?? '').trim();
  };

// One row under a mapping: the learner it describes, or each reason it cannot be taken. `today` in TZ_NAME:
// a learner is 3 to 25 on the day they are recorded (learner-age.ts), and so on the day they are imported.
export const readRow = (
  headers: string[],
  mapping: RosterMapping,
  row: RosterFileRow,
  today: string,
): RosterRow | RefusedRow => {
  const cell = cellsOf(headers, mapping, row);
  const problems: RowProblem[] = [];
  const fullName = cell('fullName').replace(/\s+/g, ' ');
  if (!fullName) problems.push(problem('fullName', 'no_name', 'Thiếu họ và tên', 'no name'));
  const birth = cell('dateOfBirth');
  const dateOfBirth = parseBirthDate(birth);
  const { min, max } = LEARNER_AGE_WHEN_RECORDED;
  if (dateOfBirth === null)
    problems.push(
      problem(
        'dateOfBirth',
        'bad_birth_date',
        `Ngày sinh "${birth}" không phải là một ngày (ngày/tháng/năm)`,
        `birth date "${birth}" is not a date (day/month/year)`,
      ),
    );
  else if (ageOn(dateOfBirth, today) < min || ageOn(dateOfBirth, today) > max)
    problems.push(
      problem(
        'dateOfBirth',
        'implausible_birth_date',
        `Ngày sinh ${dateOfBirth} không hợp lý: học sinh phải từ ${min} đến ${max} tuổi`,
        `birth date ${dateOfBirth} is implausible: a learner is ${min} to ${max} years old`,
      ),
    );
  const sexText = cell('sex');
  const sex = parseSex(sexText);
  if (sex === null)
    problems.push(
      problem('sex', 'unknown_sex', `Giới tính "${sexText}" không rõ (Nam hoặc Nữ)`, `unknown sex "${sexText}"`),
    );
  const className = cell('className');
  if (!className) problems.push(problem('className', 'no_class', 'Thiếu lớp', 'no class'));
  const nationalId = cell('nationalId').replace(/[\s.]/g, '');
  if (nationalId && !NATIONAL_ID.test(nationalId))
    problems.push(
      problem(
        'nationalId',
        'bad_national_id',
        `Mã định danh "${nationalId}" phải gồm 10 đến 12 chữ số`,
        `national learner ID "${nationalId}" must be 10 to 12 digits`,
      ),
    );
  const guardianName = cell('guardianName').replace(/\s+/g, ' ');
  const phone = cell('guardianPhone');
  if (phone && !PHONE.test(phone))
    problems.push(
      problem('guardianPhone', 'bad_phone', `Số điện thoại "${phone}" không hợp lệ`, `phone "${phone}" is not valid`),
    );
  if (problems.length) return { row: row.n, fullName, problems };
  return {
    row: row.n,
    fullName,
    skeletonKey: learnerNameKey(fullName),
    dateOfBirth: dateOfBirth as string,
    sex: sex as Sex,
    className: className.slice(0, 50),
    nationalId: nationalId || null,
    guardian: guardianName ? { fullName: guardianName.slice(0, 200), phone: phone || null } : null,
  };
};

export const isRefused = (r: RosterRow | RefusedRow): r is RefusedRow => 'problems' in r;

// Every row under a mapping; a row repeating an earlier one (the same national ID, or without one the same name
// and birth date) is refused, naming the row it repeats.
export const readRows = (
  headers: string[],
  mapping: RosterMapping,
  rows: RosterFileRow[],
  today: string,
): { taken: RosterRow[]; refused: RefusedRow[] } => {
  const taken: RosterRow[] = [];
  const refused: RefusedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const read = readRow(headers, mapping, r, today);
    if (isRefused(read)) {
      refused.push(read);
      continue;
    }
    const key = read.nationalId ? `id:${read.nationalId}` : `lk:${read.skeletonKey}|${read.dateOfBirth}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const field: RosterField = read.nationalId ? 'nationalId' : 'fullName';
      refused.push({
        row: read.row,
        fullName: read.fullName,
        problems: [
          problem(field, 'duplicate_in_file', `Trùng với dòng ${first} của tệp`, `duplicates row ${first} of the file`),
        ],
      });
      continue;
    }
    seen.set(key, read.row);
    taken.push(read);
  }
  return { taken, refused };
};

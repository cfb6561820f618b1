import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import type { FieldProblem } from '@dh/errors';

// The day a school year opens (the ministry's yearly frame: 5 September). A year's records run from that day to
// the day before the next year opens, so every date, a training in the summer included, belongs to one year.
// The reports' own periods (semester I to 15 January, the school year to 31 May) are narrower and their own.
export const SCHOOL_YEAR_OPENS = { month: 9, day: 5 } as const;

const PATTERN = /^\d{4}-\d{4}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

export const isSchoolYear = (value: unknown): value is string =>
  typeof value === 'string' && PATTERN.test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1;

// The first and the last day of a school year, as YYYY-MM-DD.
export const schoolYearDays = (schoolYear: string): { first: string; last: string } => {
  const start = Number(schoolYear.slice(0, 4));
  const { month, day } = SCHOOL_YEAR_OPENS;
  const last = new Date(Date.UTC(start + 1, month - 1, day - 1));
  return {
    first: `${start}-${pad(month)}-${pad(day)}`,
    last: `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`,
  };
};

// The school year a day (YYYY-MM-DD) belongs to.
export const schoolYearOfDay = (day: string): string => {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= `${pad(SCHOOL_YEAR_OPENS.month)}-${pad(SCHOOL_YEAR_OPENS.day)}` ? year : year - 1;
  return `${start}-${start + 1}`;
};

export const SchoolYear = (): PropertyDecorator =>
  ValidateBy({
    name: 'isSchoolYear',
    validator: {
      validate: isSchoolYear,
      defaultMessage: () =>
        'Năm học phải có dạng 2026-2027, năm sau bằng năm trước cộng 1 / schoolYear must look like 2026-2027, the second year the first plus one',
    },
  });

const realDay = (field: string) => ({
  message: `${field}: phải là một ngày có thật dạng YYYY-MM-DD / must be a real YYYY-MM-DD date`,
});

export const Day = (field: string): PropertyDecorator =>
  applyDecorators(IsISO8601({ strict: true, strictSeparator: true }, realDay(field)), Matches(DAY, realDay(field)));

// A record's dates against its school year: none before the year opens nor after its last day, and the end of a
// span not before its start. What the DTO cannot know alone: an update keeps the year of the row.
export const dateProblems = (
  schoolYear: string,
  dates: Record<string, string | null>,
  span?: readonly [from: string, to: string],
): FieldProblem[] => {
  const { first, last } = schoolYearDays(schoolYear);
  const problems: FieldProblem[] = Object.entries(dates)
    .filter(([, day]) => day !== null && (day < first || day > last))
    .map(([field]) => ({
      field,
      problems: [
        `Ngày phải nằm trong năm học ${schoolYear} (từ ${first} đến ${last}) / ${field} must fall within the school year ${schoolYear} (${first} to ${last})`,
      ],
    }));
  if (span) {
    const [from, to] = span;
    const [start, end] = [dates[from], dates[to]];
    if (start && end && end < start && !problems.some((p) => p.field === to))
      problems.push({
        field: to,
        problems: [`Ngày kết thúc không được trước ngày bắt đầu / ${to} must not be before ${from}`],
      });
  }
  return problems;
};

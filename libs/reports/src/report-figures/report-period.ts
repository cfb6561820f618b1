import { DAY_MS, LocalTime } from '@dh/calendar';

export type ReportPeriodKind = 'semester_1' | 'school_year';
export const REPORT_PERIOD_KINDS: readonly ReportPeriodKind[] = ['semester_1', 'school_year'];
// The instants a report counts between, both included: `to` is the last millisecond of its day.
export type FiguresPeriod = { from: Date; to: Date };

type MonthDay = { month: number; day: number };
// The one place the reporting periods are set (issue 17: semester I 5 September – 15 January, the school year
// 5 September – 31 May). `from` falls in the school year's first calendar year, `to` in its second.
export const REPORT_PERIODS: Record<ReportPeriodKind, { from: MonthDay; to: MonthDay }> = {
  semester_1: { from: { month: 9, day: 5 }, to: { month: 1, day: 15 } },
  school_year: { from: { month: 9, day: 5 }, to: { month: 5, day: 31 } },
};

// "2026-2027": two consecutive years. The report's request DTO checks the same pattern before calling here.
export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

const isoDay = (year: number, d: MonthDay): string =>
  `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

// The period of a report of a school year, from the start of its first day to the end of its last, local time.
export const reportPeriod = (kind: ReportPeriodKind, schoolYear: string, timeZone: string): FiguresPeriod => {
  const m = SCHOOL_YEAR_PATTERN.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1)
    throw new RangeError(`schoolYear must be two consecutive years, as 2026-2027; got "${schoolYear}"`);
  const p = REPORT_PERIODS[kind];
  if (!p) throw new RangeError(`kind must be one of ${REPORT_PERIOD_KINDS.join(', ')}; got "${String(kind)}"`);
  const local = new LocalTime(timeZone);
  return {
    from: local.at(isoDay(Number(m[1]), p.from), 0),
    to: local.at(isoDay(Number(m[2]), p.to), DAY_MS - 1),
  };
};

import { CalendarOverrides } from './calendar-overrides';
import { dayNumber, isoDate, isWeekend, shortLabel } from './local-time';
import { NATIONAL_DAY_NEIGHBOURS, statutoryDaysOff } from './vietnam-holidays';

export type DayOffKind = 'weekend' | 'holiday' | 'make_up' | 'override';
export type DayOff = { date: string; name: string; kind: DayOffKind; decision?: string };
export type CalendarEntryKind = Exclude<DayOffKind, 'weekend'> | 'working_saturday';
export type CalendarEntry = { date: string; name: string; kind: CalendarEntryKind; decision?: string };

// Everything the calendar needs about one year, computed once: which days work, and ranks so that
// "n working days later" and "working days between" are lookups rather than day-by-day walks.
export type YearSchedule = {
  year: number;
  firstDay: number;
  // 1 where the day (index = day - firstDay) is a working day.
  working: Uint8Array;
  // Working days among firstDay .. firstDay + i, inclusive.
  rank: Int32Array;
  // Day numbers of the working days, ascending.
  workdays: Int32Array;
  // Why a day is off, for days off other than a plain weekend (weekend holidays included).
  reasons: Map<number, DayOff>;
  // Weekdays off and weekend days worked: what changes an ordinary week.
  entries: CalendarEntry[];
};

const MAKE_UP = 'Bộ luật Lao động 2019, Điều 111 khoản 3';

const off = (day: number, name: string, kind: DayOffKind, decision: string): DayOff => ({
  date: isoDate(day),
  name,
  kind,
  decision,
});

// The rules, weakest first; each later one overwrites: statutory holidays (the file's Tết instead of the
// library's when the file lists Tết days), Art. 111(3) make-up days the file has not settled, the file's
// days off, the file's working days. Plain weekends are everything else that is Saturday or Sunday.
export const buildYear = (year: number, overrides?: CalendarOverrides): YearSchedule => {
  const fileOff = (overrides?.daysOff ?? []).map((d) => ({ ...d, day: dayNumber(d.date) }));
  const fileWorking = (overrides?.workingDays ?? []).map((d) => ({ ...d, day: dayNumber(d.date) }));
  const fileDays = [...fileOff, ...fileWorking].map((d) => d.day);

  let statutory = statutoryDaysOff(year);
  // Which five days of Tết are off is the government's choice each year: once the file names any of
  // the library's Tết days, the file's list is the whole of Tết.
  if (fileOff.some((d) => statutory.some((s) => s.tet && s.day === d.day))) statutory = statutory.filter((s) => !s.tet);
  // Likewise National Day's second day: a file listing either neighbour of 2/9 off has chosen it.
  const neighbours = NATIONAL_DAY_NEIGHBOURS.map((md) => dayNumber(`${year}-${md}`));
  if (fileOff.some((d) => neighbours.includes(d.day))) statutory = statutory.filter((s) => !s.nationalDaySecond);

  const reasons = new Map<number, DayOff>();
  for (const s of statutory) reasons.set(s.day, off(s.day, s.name, 'holiday', s.decision));

  // Art. 111(3): a holiday on a weekend moves to the next working day. The file has settled it when it
  // says anything about the days from the holiday to that make-up day (a notice always lists them).
  const taken = new Set(statutory.map((s) => s.day));
  for (const s of statutory.filter((h) => isWeekend(h.day))) {
    let m = s.day + 1;
    while (isWeekend(m) || taken.has(m)) m++;
    taken.add(m);
    if (fileDays.some((d) => d >= s.day && d <= m)) continue;
    reasons.set(m, off(m, `Nghỉ bù ${s.holiday} (${shortLabel(s.day)})`, 'make_up', MAKE_UP));
  }

  for (const d of fileOff) reasons.set(d.day, off(d.day, d.name, 'override', d.decision));
  const workingByFile = new Map(fileWorking.map((d) => [d.day, d]));
  for (const day of workingByFile.keys()) reasons.delete(day);

  const firstDay = dayNumber(`${year}-01-01`);
  const length = dayNumber(`${year + 1}-01-01`) - firstDay;
  const working = new Uint8Array(length);
  const rank = new Int32Array(length);
  const workdays: number[] = [];
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    working[i] = workingByFile.has(day) || (!isWeekend(day) && !reasons.has(day)) ? 1 : 0;
    if (working[i]) workdays.push(day);
    rank[i] = workdays.length;
  }

  const entries: CalendarEntry[] = [
    ...[...reasons.entries()]
      .filter(([day]) => !isWeekend(day))
      .map(([, d]) => ({ date: d.date, name: d.name, kind: d.kind as CalendarEntryKind, decision: d.decision })),
    ...fileWorking
      .filter((d) => isWeekend(d.day))
      .map((d): CalendarEntry => ({ date: d.date, name: d.name, kind: 'working_saturday', decision: d.decision })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  return { year, firstDay, working, rank, workdays: Int32Array.from(workdays), reasons, entries };
};

import { CalendarOverrides } from './calendar-overrides';
import { dayNumber, isoDate, isRealDate, LocalTime, weekdayName, yearOf } from './local-time';
import { buildYear, CalendarEntry, DayOff, YearSchedule } from './year-schedule';

export type WorkingHours = { start: string; end: string };
export type CalendarOptions = { timeZone?: string; overrides: CalendarOverrides[]; hours?: WorkingHours[] };

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DEFAULT_WORKING_HOURS: readonly WorkingHours[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// A calendar with no working day for this long is broken, not slow.
const MAX_YEARS_AHEAD = 100;

const msOfDay = (hhmm: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (m[1] === '24' && m[2] !== '00'))
    throw new RangeError(`working hours must be HH:MM, got "${hhmm}"`);
  return (Number(m[1]) * 60 + Number(m[2])) * MINUTE;
};

const checkDate = (date: string): number => {
  if (!isRealDate(date)) throw new RangeError(`not a real YYYY-MM-DD date: "${date}"`);
  return dayNumber(date);
};

// Working days and working hours of the Vietnamese civil-service calendar, in one time zone.
// Deadlines are counted here; every year's schedule is built once and kept.
export class WorkingCalendar {
  readonly timeZone: string;
  private readonly hours: readonly WorkingHours[];
  private readonly local: LocalTime;
  private readonly windows: readonly (readonly [number, number])[];
  private readonly dayMs: number;
  private readonly overrides = new Map<number, CalendarOverrides>();
  private readonly years = new Map<number, YearSchedule>();

  constructor(options: CalendarOptions) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.local = new LocalTime(this.timeZone);
    const hours = options.hours ?? DEFAULT_WORKING_HOURS;
    this.hours = hours;
    const windows = hours.map((h) => [msOfDay(h.start), msOfDay(h.end)] as const).sort((a, b) => a[0] - b[0]);
    if (windows.length === 0 || windows.some(([s, e], i) => e <= s || (i > 0 && s < windows[i - 1][1]))) {
      throw new RangeError('working hours must be a non-empty list of ordered, non-overlapping HH:MM ranges');
    }
    this.windows = windows;
    this.dayMs = windows.reduce((sum, [s, e]) => sum + e - s, 0);
    for (const o of options.overrides) {
      if (this.overrides.has(o.year)) throw new RangeError(`two override files for ${o.year}`);
      this.overrides.set(o.year, o);
    }
  }

  // The notice in force for a year (a file's, or the one an admin keeps in the app), if any.
  overridesOf(year: number): CalendarOverrides | undefined {
    return this.overrides.get(year);
  }

  // Another calendar, the same but for one year's notice (none: the statutory days alone), to count with
  // before it is in force: the deadlines a change moves are computed with it inside the change's transaction.
  withYear(year: number, overrides: CalendarOverrides | undefined): WorkingCalendar {
    const others = [...this.overrides.values()].filter((o) => o.year !== year);
    return new WorkingCalendar({
      timeZone: this.timeZone,
      hours: [...this.hours],
      overrides: overrides ? [...others, overrides] : others,
    });
  }

  // Puts a year's notice in force in this calendar, once its change is committed; callers stay synchronous.
  setYear(year: number, overrides: CalendarOverrides | undefined): void {
    if (overrides && overrides.year !== year) throw new RangeError(`overrides of ${overrides.year} given for ${year}`);
    if (overrides) this.overrides.set(year, overrides);
    else this.overrides.delete(year);
    this.years.delete(year);
  }

  // Why a day is off, or null when it is a working day.
  dayOff(date: string): DayOff | null {
    const day = checkDate(date);
    if (this.isWorking(day)) return null;
    const reason = this.schedule(yearOf(day)).reasons.get(day);
    if (reason) return { ...reason };
    return { date, name: `Nghỉ hằng tuần (${weekdayName(day)})`, kind: 'weekend' };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(checkDate(date));
  }

  // A duration in working days ends at the close of the working day in which its n days of working time
  // run out, not at the time of day it started (issue 13, point 16; as the Civil Code, which leaves the
  // day of the start out): Mon 10:00 + 5 is 17:00 the next Monday; from 07:30, a day off or after hours,
  // 17:00 of the fifth working day counted from that morning. n = 0 is "the same day": the end of that
  // day. Working-hours durations (addWorkingHours, addWorkingMs) keep their time of day.
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    if (n > 0) {
      // A millisecond back: the time runs out at or before a close, so this is the working day it ran out in
      // even when the last window ends at 24:00.
      const end = this.addWorkingMs(from, n * this.dayMs);
      return this.local.atDay(this.local.dayOf(new Date(end.getTime() - 1)).day, this.dayEnd());
    }
    const { day, ms } = this.local.dayOf(from);
    const today = this.isWorking(day) && ms <= this.dayEnd() ? day : this.nthWorkingDayAfter(day, 1);
    return this.local.atDay(today, this.dayEnd());
  }

  // A day's date as a due instant: the close of that day, or of the next working day when it is a day off.
  closeOf(date: string): Date {
    const day = checkDate(date);
    return this.local.atDay(this.isWorking(day) ? day : this.nthWorkingDayAfter(day, 1), this.dayEnd());
  }

  // Counts only time inside the working hours of working days.
  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingMs(from, hours * HOUR);
  }

  // The earliest instant at which `ms` of working time has passed since `from`: ending exactly at a
  // window's close gives that close (11:30, 17:00), not the next opening.
  addWorkingMs(from: Date, ms: number): Date {
    if (!Number.isFinite(ms)) throw new RangeError(`working time must be finite, got ${ms}`);
    if (ms <= 0) return new Date(from);
    const start = this.local.dayOf(from);
    let left = ms;
    if (this.isWorking(start.day)) {
      const r = this.spend(start.ms, left);
      if (r.at !== undefined) return this.local.atDay(start.day, r.at);
      left = r.left;
    }
    // Whole working days are skipped by rank; the rest is spent in the day the time runs out.
    const whole = Math.ceil(left / this.dayMs) - 1;
    const last = this.nthWorkingDayAfter(start.day, whole + 1);
    const r = this.spend(0, left - whole * this.dayMs);
    return this.local.atDay(last, r.at ?? this.dayEnd());
  }

  // Working time between two instants; 0 when b is not after a.
  workingMsBetween(a: Date, b: Date): number {
    if (b.getTime() <= a.getTime()) return 0;
    const from = this.local.dayOf(a);
    const to = this.local.dayOf(b);
    if (from.day === to.day) return this.overlap(from.day, from.ms, to.ms);
    return (
      this.overlap(from.day, from.ms, Infinity) +
      this.countWorking(from.day, to.day - 1) * this.dayMs +
      this.overlap(to.day, 0, to.ms)
    );
  }

  // Working days after a's day up to and including b's day: due Monday, on Wednesday "quá hạn 2 ngày
  // làm việc". 0 when b's day is not after a's.
  workingDaysBetween(a: Date, b: Date): number {
    return this.countWorking(this.local.dayOf(a).day, this.local.dayOf(b).day);
  }

  // The effective calendar of a year: weekdays off with their reason and decision, and weekend days
  // worked. Plain weekends, and holidays that fall on one, change nothing in a week and are left out.
  yearCalendar(year: number): CalendarEntry[] {
    if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number, got ${year}`);
    return this.schedule(year).entries.map((e) => ({ ...e }));
  }

  private dayStart(): number {
    return this.windows[0][0];
  }

  private dayEnd(): number {
    return this.windows[this.windows.length - 1][1];
  }

  private schedule(year: number): YearSchedule {
    let s = this.years.get(year);
    if (!s) {
      s = buildYear(year, this.overrides.get(year));
      this.years.set(year, s);
    }
    return s;
  }

  private isWorking(day: number): boolean {
    const s = this.schedule(yearOf(day));
    return s.working[day - s.firstDay] === 1;
  }

  // Working days in (a, b].
  private countWorking(a: number, b: number): number {
    if (b <= a) return 0;
    const upTo = (day: number): number => {
      const s = this.schedule(yearOf(day));
      return s.rank[day - s.firstDay];
    };
    const ya = yearOf(a);
    const yb = yearOf(b);
    let count = upTo(b) - upTo(a);
    for (let y = ya; y < yb; y++) count += this.schedule(y).workdays.length;
    return count;
  }

  // The n-th working day strictly after `day` (n ≥ 1), found by rank, year by year.
  private nthWorkingDayAfter(day: number, n: number): number {
    let year = yearOf(day);
    let s = this.schedule(year);
    let k = s.rank[day - s.firstDay] + n - 1;
    for (let guard = 0; k >= s.workdays.length; guard++) {
      if (guard > MAX_YEARS_AHEAD)
        throw new RangeError(`no working day within ${MAX_YEARS_AHEAD} years after ${isoDate(day)}`);
      k -= s.workdays.length;
      s = this.schedule(++year);
    }
    return s.workdays[k];
  }

  // Spends working time from a time of day on a working day: where it runs out, or what is left.
  private spend(cursor: number, left: number): { at?: number; left: number } {
    for (const [s, e] of this.windows) {
      if (cursor >= e) continue;
      const begin = Math.max(cursor, s);
      if (left <= e - begin) return { at: begin + left, left: 0 };
      left -= e - begin;
    }
    return { left };
  }

  private overlap(day: number, lo: number, hi: number): number {
    if (!this.isWorking(day)) return 0;
    return this.windows.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, hi) - Math.max(s, lo)), 0);
  }
}

import { CalendarOverrides } from './calendar-overrides';
import { addDays, LocalTime } from './local-time';
import { isWeekend, statutoryDaysOff } from './vietnam-holidays';

export type DayOffKind = 'weekend' | 'holiday' | 'make_up' | 'override';
export type DayOff = { date: string; name: string; kind: DayOffKind; decision?: string };
export type CalendarEntry = { date: string; name: string; kind: Exclude<DayOffKind, 'weekend'> | 'working_saturday'; decision?: string };
export type WorkingHours = { start: string; end: string };
export type CalendarOptions = { timeZone?: string; overrides: CalendarOverrides[]; hours?: WorkingHours[] };

type YearData = { off: Map<string, DayOff>; working: Map<string, CalendarEntry> };

const minutes = (hhmm: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`working hours must be HH:MM, got ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Working days and hours of the Vietnamese civil-service calendar, in one time zone.
export class WorkingCalendar {
  private readonly local: LocalTime;
  private readonly windows: [number, number][];
  private readonly overrides: Map<number, CalendarOverrides>;
  private readonly years = new Map<number, YearData>();

  constructor(options: CalendarOptions) {
    this.local = new LocalTime(options.timeZone ?? 'Asia/Ho_Chi_Minh');
    const hours = options.hours ?? [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }];
    this.windows = hours.map((h) => [minutes(h.start) * MINUTE, minutes(h.end) * MINUTE] as [number, number]).sort((a, b) => a[0] - b[0]);
    if (this.windows.some(([s, e], i) => e <= s || (i > 0 && s < this.windows[i - 1][1]))) throw new Error('working hours must be ordered, non-empty and not overlap');
    this.overrides = new Map(options.overrides.map((o) => [o.year, o]));
  }

  dayOff(date: string): DayOff | null {
    const year = this.year(Number(date.slice(0, 4)));
    if (year.working.has(date)) return null;
    return year.off.get(date) ?? (isWeekend(date) ? { date, name: 'Nghỉ cuối tuần', kind: 'weekend' } : null);
  }

  isWorkingDay(date: string): boolean {
    return this.dayOff(date) === null;
  }

  // n working days later, same local time of day; n = 0 is "the same day": the end of the working day.
  addWorkingDays(from: Date, n: number): Date {
    const start = this.startOfWork(from);
    if (n === 0) return this.local.at(start.date, this.dayEnd());
    let date = start.date;
    for (let i = 0; i < n; i++) date = this.nextWorkingDay(date);
    return this.local.at(date, start.ms);
  }

  // Counts only time inside the working hours of working days.
  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingMs(from, hours * HOUR);
  }

  addWorkingMs(from: Date, ms: number): Date {
    if (ms <= 0) return new Date(from);
    let left = ms;
    let { date, ms: cursor } = this.local.of(from);
    for (let guard = 0; guard < 3660; guard++) {
      if (this.isWorkingDay(date)) {
        for (const [s, e] of this.windows) {
          if (cursor >= e) continue;
          const begin = Math.max(cursor, s);
          if (left <= e - begin) return this.local.at(date, begin + left);
          left -= e - begin;
          cursor = e;
        }
      }
      date = addDays(date, 1);
      cursor = 0;
    }
    throw new Error('addWorkingMs: more than ten years of working time');
  }

  workingMsBetween(a: Date, b: Date): number {
    if (b <= a) return 0;
    const from = this.local.of(a);
    const to = this.local.of(b);
    let total = 0;
    for (let date = from.date; date <= to.date; date = addDays(date, 1)) {
      if (!this.isWorkingDay(date)) continue;
      const lo = date === from.date ? from.ms : 0;
      const hi = date === to.date ? to.ms : Number.MAX_SAFE_INTEGER;
      for (const [s, e] of this.windows) total += Math.max(0, Math.min(e, hi) - Math.max(s, lo));
    }
    return total;
  }

  // Working days after a's day up to and including b's day: "quá hạn 2 ngày làm việc".
  workingDaysBetween(a: Date, b: Date): number {
    const from = this.local.of(a).date;
    const to = this.local.of(b).date;
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (this.isWorkingDay(date)) count += 1;
    return count;
  }

  // The effective calendar of a year: days off other than plain weekends, and Saturdays worked.
  yearCalendar(year: number): CalendarEntry[] {
    const data = this.year(year);
    const off = [...data.off.values()].filter((d) => d.kind !== 'weekend' && !data.working.has(d.date) && !isWeekend(d.date));
    const entries: CalendarEntry[] = [
      ...off.map((d) => ({ date: d.date, name: d.name, kind: d.kind as CalendarEntry['kind'], decision: d.decision })),
      ...[...data.working.values()].filter((w) => isWeekend(w.date)),
    ];
    return entries.sort((a, b) => a.date.localeCompare(b.date));
  }

  private dayEnd(): number {
    return this.windows[this.windows.length - 1][1];
  }

  private nextWorkingDay(date: string): string {
    let d = addDays(date, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  // Outside working time, the clock starts at the beginning of the next working day.
  private startOfWork(from: Date): { date: string; ms: number } {
    const { date, ms } = this.local.of(from);
    if (this.isWorkingDay(date) && ms <= this.dayEnd()) return { date, ms: Math.max(ms, this.windows[0][0]) };
    return { date: this.nextWorkingDay(date), ms: this.windows[0][0] };
  }

  // Library holidays, the Art. 111(3) make-up days, then the year's override file, which has the last word.
  private year(year: number): YearData {
    const cached = this.years.get(year);
    if (cached) return cached;
    const off = new Map<string, DayOff>();
    const statutory = statutoryDaysOff(year, this.local);
    for (const s of statutory) off.set(s.date, { date: s.date, name: s.name, kind: 'holiday', decision: s.decision });
    for (const s of statutory.filter((h) => isWeekend(h.date))) {
      let d = addDays(s.date, 1);
      while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
      off.set(d, { date: d, name: `Nghỉ bù ${s.name}`, kind: 'make_up', decision: 'Bộ luật Lao động 2019, Điều 111 khoản 3' });
    }
    const o = this.overrides.get(year);
    for (const d of o?.daysOff ?? []) off.set(d.date, { date: d.date, name: d.name, kind: 'override', decision: d.decision });
    const working = new Map<string, CalendarEntry>((o?.workingDays ?? []).map((w) => [w.date, { date: w.date, name: w.name, kind: 'working_saturday', decision: w.decision }]));
    const data = { off, working };
    this.years.set(year, data);
    return data;
  }
}

// Dates as 'YYYY-MM-DD' strings or as day numbers (whole days since 1970-01-01), and instants in a
// named time zone, without a date library. Day numbers keep the calendar's inner loops free of Date
// objects and string parsing.

export const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const dayNumber = (date: string): number => {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};

export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

// Date.UTC rolls 2026-02-30 over to 2026-03-02; a real date survives the round trip.
export const isRealDate = (date: string): boolean => ISO_DATE.test(date) && isoDate(dayNumber(date)) === date;

// Whole years between two 'YYYY-MM-DD' dates; one born on 29 February turns a year older on 1 March.
export const ageOn = (dateOfBirth: string, on: string): number => {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
};

export const addDays = (date: string, n: number): string => isoDate(dayNumber(date) + n);

export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

// 0 = Sunday … 6 = Saturday, as Date#getUTCDay; day 0 (1970-01-01) was a Thursday.
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const weekday = (date: string): number => weekdayOf(dayNumber(date));

export const isWeekend = (day: number): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export const weekdayName = (day: number): string => WEEKDAY_NAMES[weekdayOf(day)];

// "Chủ nhật 26/04": how people write a day in a notice.
export const shortLabel = (day: number): string => {
  const iso = isoDate(day);
  return `${weekdayName(day)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
};

export class LocalTime {
  private readonly parts: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly quarters = new Map<number, number | null>();

  constructor(readonly timeZone: string) {
    // Throws a RangeError on an unknown zone: a misspelt TZ_NAME stops the start.
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  }

  // Local day number and milliseconds since local midnight of an instant.
  dayOf(instant: Date): { day: number; ms: number } {
    const t = instant.getTime();
    if (Number.isNaN(t)) throw new RangeError('invalid date');
    const wall = t + this.offsetAt(t);
    const day = Math.floor(wall / DAY_MS);
    return { day, ms: wall - day * DAY_MS };
  }

  // The zone's offset at an instant. Asking Intl costs microseconds and the working-time arithmetic asks often, so
  // it is kept per quarter hour, the grain at which zones change offset, when the quarter's first and last
  // millisecond agree; a quarter that holds a change is asked of Intl each time.
  private offsetAt(t: number): number {
    const quarter = Math.floor(t / QUARTER_HOUR_MS);
    let offset = this.quarters.get(quarter);
    if (offset === undefined) {
      const first = this.intlOffsetAt(quarter * QUARTER_HOUR_MS);
      offset = first === this.intlOffsetAt((quarter + 1) * QUARTER_HOUR_MS - 1) ? first : null;
      if (this.quarters.size >= 100_000) this.quarters.clear();
      this.quarters.set(quarter, offset);
    }
    return offset ?? this.intlOffsetAt(t);
  }

  private intlOffsetAt(t: number): number {
    const p: Record<string, number> = {};
    for (const x of this.parts.formatToParts(new Date(t))) if (x.type !== 'literal') p[x.type] = Number(x.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((t % 1000) + 1000) % 1000) - t;
  }

  // Local calendar date and milliseconds since local midnight of an instant.
  of(instant: Date): { date: string; ms: number } {
    const { day, ms } = this.dayOf(instant);
    return { date: isoDate(day), ms };
  }

  // The instant of a local day and time of day. The zone's offset is read at noon of that day, which
  // is exact unless the zone changes its offset that very day (Asia/Ho_Chi_Minh never does).
  atDay(day: number, msOfDay: number): Date {
    return new Date(day * DAY_MS + msOfDay - this.offsetMs(day));
  }

  at(date: string, msOfDay: number): Date {
    return this.atDay(dayNumber(date), msOfDay);
  }

  private offsetMs(day: number): number {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const noon = day * DAY_MS + DAY_MS / 2;
      const local = this.dayOf(new Date(noon));
      offset = local.day * DAY_MS + local.ms - noon;
      this.offsets.set(day, offset);
    }
    return offset;
  }
}

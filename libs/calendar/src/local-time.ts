// Dates as 'YYYY-MM-DD' strings and instants in a named time zone, without a date library.

export const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export class LocalTime {
  private readonly parts: Intl.DateTimeFormat;
  private readonly offsets = new Map<string, number>();

  constructor(readonly timeZone: string) {
    this.parts = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
  }

  // Local calendar date and milliseconds since local midnight of an instant.
  of(instant: Date): { date: string; ms: number } {
    const p = Object.fromEntries(this.parts.formatToParts(instant).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    const ms = ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + instant.getUTCMilliseconds();
    return { date, ms };
  }

  // The instant of a local date and time of day.
  at(date: string, msOfDay: number): Date {
    return new Date(Date.parse(`${date}T00:00:00Z`) + msOfDay - this.offsetMs(date));
  }

  private offsetMs(date: string): number {
    let offset = this.offsets.get(date);
    if (offset === undefined) {
      const noonUtc = new Date(`${date}T12:00:00Z`);
      const local = this.of(noonUtc);
      offset = Date.parse(`${local.date}T00:00:00Z`) + local.ms - noonUtc.getTime();
      this.offsets.set(date, offset);
    }
    return offset;
  }
}

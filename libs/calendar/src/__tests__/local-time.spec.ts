import { DAY_MS, LocalTime } from '../local-time';

// The local day and time of an instant, as Intl reads it for that very instant: what dayOf must answer whatever
// it keeps between calls, including across offset changes (daylight saving, half- and quarter-hour zones, and
// Vietnam's own change of 1975).
const reference = (timeZone: string, t: number): { day: number; ms: number } => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const p = Object.fromEntries(parts.filter((x) => x.type !== 'literal').map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (t % 1000);
  const day = Math.floor(wall / DAY_MS);
  return { day, ms: wall - day * DAY_MS };
};

describe('LocalTime.dayOf', () => {
  const around = (iso: string, hours: number, stepMs: number): number[] => {
    const mid = Date.parse(iso);
    const out: number[] = [];
    for (let t = mid - hours * 3_600_000; t <= mid + hours * 3_600_000; t += stepMs) out.push(t);
    return out;
  };

  it.each([
    ['Europe/Berlin', '2026-03-29T01:00:00Z'], // summer time begins
    ['Europe/Berlin', '2026-10-25T01:00:00Z'], // and ends: an hour lived twice
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour change
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'], // +05:45
    ['America/St_Johns', '2026-11-01T04:30:00Z'], // -03:30, summer time ends
    ['Asia/Ho_Chi_Minh', '1975-06-13T16:00:00Z'], // the South moves from +08:00 to +07:00
    ['Asia/Ho_Chi_Minh', '2026-09-02T00:00:00Z'],
  ])('answers as Intl does for every instant around %s %s', (zone, iso) => {
    const sut = new LocalTime(zone);
    // A step that is no divisor of a quarter hour, with milliseconds: every phase within the quarters is met.
    for (const t of around(iso, 6, 7 * 60_000 + 13_001))
      expect([t, sut.dayOf(new Date(t))]).toEqual([t, reference(zone, t)]);
    // Asked again in another order, from what it kept.
    for (const t of around(iso, 6, 11 * 60_000 + 7).reverse())
      expect([t, sut.dayOf(new Date(t))]).toEqual([t, reference(zone, t)]);
  });

  it('refuses an invalid date', () => {
    expect(() => new LocalTime('Asia/Ho_Chi_Minh').dayOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

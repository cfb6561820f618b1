import type { Duration } from '@dh/machines/case/types';
import type { Level } from '@dh/escalations';

const HOUR_MS = 3600 * 1000;

// Law 91/2025 and Decree 356/2025: the authority (A05, Ministry of Public Security) is told of a personal-data
// breach within 72 hours of its detection. Hours of the calendar, not working hours: a breach found on a Friday
// evening or before Tết is due three days later all the same.
export const BREACH_CLOCK = {
  kind: 'data_breach_authority',
  label: {
    vi: 'Thông báo sự cố dữ liệu cá nhân cho Cục A05, Bộ Công an',
    en: 'Personal-data breach notified to A05, Ministry of Public Security',
  },
  due: { calendarDays: 3 } as Duration,
  hours: 72,
};

// The ladder, in calendar hours from detection: the principal hears at 24 h and again at 48 h, while there is
// time; at 72 h the clock is overdue, to the principal and to the ward officer at once. The escalation levels
// are the machinery's, reaching whom each reaches on a school clock (reminder, principal, overdue: the
// principals; ward: the ward officers).
export const BREACH_LADDER: { level: Level; hours: number }[] = [
  { level: 'reminder', hours: 24 },
  { level: 'principal', hours: 48 },
  { level: 'overdue', hours: 72 },
  { level: 'ward', hours: 72 },
];

export const breachDueAt = (detectedAt: Date): Date => new Date(detectedAt.getTime() + BREACH_CLOCK.hours * HOUR_MS);

// The rungs still to come when the breach is recorded at `now`: one recorded late does not send the early
// warnings it missed, only what is due from then on; the rungs of the deadline itself always stand.
export const breachRungs = (detectedAt: Date, now: Date): { level: Level; dueAt: Date }[] =>
  BREACH_LADDER.map((r) => ({ level: r.level, dueAt: new Date(detectedAt.getTime() + r.hours * HOUR_MS) })).filter(
    (r) => r.dueAt > now || r.dueAt.getTime() === breachDueAt(detectedAt).getTime(),
  );

import Holidays from 'date-holidays';
import { addDays, LocalTime, weekday } from './local-time';

export type Statutory = { date: string; name: string; decision: string };

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112';

// Statutory days off (Labour Code Art. 112(1)) as date-holidays knows them, Tết expanded from its one
// multi-day entry, plus 24/11 Ngày Văn hóa Việt Nam from 2026 (Resolution 28/2026/QH16), which it lacks.
export const statutoryDaysOff = (year: number, local: LocalTime): Statutory[] => {
  const days = new Map<string, Statutory>();
  for (const h of new Holidays('VN').getHolidays(year)) {
    if (h.type !== 'public') continue;
    const first = local.of(h.start).date;
    const last = local.of(new Date(h.end.getTime() - 1)).date;
    for (let d = first; d <= last; d = addDays(d, 1)) {
      if (!days.has(d)) days.set(d, { date: d, name: h.name.startsWith('Giao thừa') ? 'Tết Nguyên đán' : h.name, decision: LABOUR_CODE });
    }
  }
  if (year >= 2026) {
    days.set(`${year}-11-24`, { date: `${year}-11-24`, name: 'Ngày Văn hóa Việt Nam', decision: 'Nghị quyết 28/2026/QH16' });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
};

export const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

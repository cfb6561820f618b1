import Holidays from 'date-holidays';
import { DAY_MS, dayNumber } from './local-time';

// `name` names the day ("Tết Nguyên đán (mùng 2)"), `holiday` the holiday it belongs to ("Tết Nguyên đán").
// `nationalDaySecond` marks the default second day of National Day, which a year's file may replace.
export type StatutoryDay = {
  day: number;
  name: string;
  holiday: string;
  decision: string;
  tet: boolean;
  nationalDaySecond?: boolean;
};

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const CULTURE_DAY = 'Nghị quyết 28/2026/QH16';

// The Labour Code's names (Art. 112(1)), keyed by date-holidays' rule, instead of the library's wording.
const NAMES: Record<string, string> = {
  '01-01': 'Tết Dương lịch',
  'vietnamese 3-0-10': 'Giỗ Tổ Hùng Vương',
  '04-30': 'Ngày Chiến thắng',
  '05-01': 'Ngày Quốc tế Lao động',
  '09-02': 'Quốc khánh',
};

// Tết comes as two overlapping public entries: "Giao thừa" (the day before mùng 1, P5D: five days)
// and mùng 1 itself. Both carry the lunar new-year rule.
const TET_RULE = 'vietnamese 1-0-1';

let library: Holidays | undefined;
// One instance for the process: building it parses the whole country tree.
const vn = (): Holidays => (library ??= new Holidays('VN', { languages: ['vi'] }));

const TET = 'Tết Nguyên đán';

// National Day has two days (Labour Code 2019, Art. 112(1)(đ)): 2/9 and the day before or after it, as
// the government sets each year; date-holidays knows only 2/9. The default rule, used for a year without
// an override file, is the day before (1/9), as set in 2022, 2023, 2025 and 2026; should 1/9 be a
// weekend day, Art. 111(3) moves it to the next working day (2024's 3/9). A year's file that lists 1/9 or
// 3/9 as a day off has settled the choice and replaces this default (see buildYear).
export const NATIONAL_DAY = '09-02';
export const NATIONAL_DAY_DEFAULT_SECOND = '09-01';
export const NATIONAL_DAY_NEIGHBOURS: readonly string[] = ['09-01', '09-03'];

// firstDay is NaN should a later date-holidays drop the separate mùng 1 entry: then the plain name.
const tetName = (day: number, firstDay: number): string =>
  Number.isNaN(firstDay)
    ? TET
    : day < firstDay
      ? `${TET} (ngày cuối năm âm lịch)`
      : `${TET} (mùng ${day - firstDay + 1})`;

// Statutory days off of a year as date-holidays knows them (its lunar arithmetic is right), Tết
// expanded from its multi-day entry to single days, plus National Day's second day by the default rule
// above and 24/11 Ngày Văn hóa Việt Nam from 2026 (Resolution 28/2026/QH16), which the library lacks. No make-up days, no swaps: those are the
// calendar's and the override file's business.
export const statutoryDaysOff = (year: number): StatutoryDay[] => {
  const holidays = vn()
    .getHolidays(year)
    .filter((h) => h.type === 'public');
  const tetFirst = holidays.find((h) => h.rule === TET_RULE);
  const firstDay = tetFirst ? dayNumber(tetFirst.date.slice(0, 10)) : Number.NaN;
  const days = new Map<number, StatutoryDay>();
  for (const h of holidays) {
    // h.date is the local date in Vietnam whatever the calendar's zone; start/end are instants.
    const first = dayNumber(h.date.slice(0, 10));
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    const tet = h.rule.includes(TET_RULE);
    for (let day = first; day < first + length; day++) {
      if (days.has(day)) continue;
      const holiday = tet ? TET : (NAMES[h.rule] ?? h.name);
      days.set(day, { day, name: tet ? tetName(day, firstDay) : holiday, holiday, decision: LABOUR_CODE, tet });
    }
  }
  const second = dayNumber(`${year}-${NATIONAL_DAY_DEFAULT_SECOND}`);
  if (days.has(dayNumber(`${year}-${NATIONAL_DAY}`)) && !days.has(second)) {
    const holiday = NAMES[NATIONAL_DAY];
    days.set(second, {
      day: second,
      name: `${holiday} (ngày liền kề trước 02/09)`,
      holiday,
      decision: LABOUR_CODE,
      tet: false,
      nationalDaySecond: true,
    });
  }
  if (year >= 2026) {
    const day = dayNumber(`${year}-11-24`);
    days.set(day, {
      day,
      name: 'Ngày Văn hóa Việt Nam',
      holiday: 'Ngày Văn hóa Việt Nam',
      decision: CULTURE_DAY,
      tet: false,
    });
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
};

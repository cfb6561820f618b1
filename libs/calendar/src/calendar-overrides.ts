import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isRealDate } from './local-time';

// One year's government notice, as an admin types it into config/holidays/<year>.json: weekdays off
// (swaps, Tết as fixed that year, make-up days) and weekend days worked, each naming its decision.
export type OverrideDay = { date: string; name: string; decision: string };
export type CalendarOverrides = { year: number; daysOff: OverrideDay[]; workingDays: OverrideDay[] };

export const DEFAULT_HOLIDAYS_DIR = 'config/holidays';

export class CalendarOverrideError extends Error {
  override readonly name = 'CalendarOverrideError';
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

// Unknown keys are refused: a typo such as "dayOff" would otherwise silently drop a whole list.
const onlyKeys = (where: string, o: Raw, allowed: readonly string[]): void => {
  const extra = Object.keys(o).find((k) => !allowed.includes(k));
  if (extra !== undefined)
    throw new CalendarOverrideError(`${where}: unknown key "${extra}" (expected ${allowed.join(', ')})`);
};

const text = (where: string, o: Raw, key: string): string => {
  const v = o[key];
  if (typeof v !== 'string' || !v.trim())
    throw new CalendarOverrideError(`${where}: "${key}" must be a non-empty string`);
  return v.trim();
};

const days = (file: string, year: number, raw: Raw, field: 'daysOff' | 'workingDays'): OverrideDay[] => {
  const list = raw[field];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new CalendarOverrideError(`${file}: "${field}" must be a list`);
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const label = isObject(entry) && typeof entry.date === 'string' ? ` (${entry.date})` : '';
    const where = `${file}: ${field}[${i}]${label}`;
    if (!isObject(entry)) throw new CalendarOverrideError(`${where}: must be an object { date, name, decision }`);
    onlyKeys(where, entry, ['date', 'name', 'decision']);
    const date = text(where, entry, 'date');
    if (!isRealDate(date)) throw new CalendarOverrideError(`${where}: "date" must be a real YYYY-MM-DD date`);
    if (!date.startsWith(`${year}-`)) throw new CalendarOverrideError(`${where}: "date" is not in ${year}`);
    if (seen.has(date)) throw new CalendarOverrideError(`${where}: "date" is listed twice`);
    seen.add(date);
    // Every change to the legal calendar names the official decision it comes from.
    return { date, name: text(where, entry, 'name'), decision: text(where, entry, 'decision') };
  });
};

// Validates one parsed file; `file` only names it in the messages.
export const parseOverrides = (file: string, raw: unknown): CalendarOverrides => {
  if (!isObject(raw)) throw new CalendarOverrideError(`${file}: must be an object { year, daysOff, workingDays }`);
  onlyKeys(file, raw, ['year', 'daysOff', 'workingDays']);
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new CalendarOverrideError(`${file}: "year" must be a four-digit whole number`);
  }
  const overrides = {
    year,
    daysOff: days(file, year, raw, 'daysOff'),
    workingDays: days(file, year, raw, 'workingDays'),
  };
  const clash = overrides.daysOff.find((d) => overrides.workingDays.some((w) => w.date === d.date));
  if (clash) throw new CalendarOverrideError(`${file}: ${clash.date} is both in daysOff and in workingDays`);
  return overrides;
};

// Every <year>.json of the directory (relative to the working directory), checked at start. Other files
// (a README, a draft) are left alone. A missing directory is a configuration mistake, not "no changes".
export const loadOverrides = (dir: string = DEFAULT_HOLIDAYS_DIR): CalendarOverrides[] => {
  const path = resolve(process.cwd(), dir);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new CalendarOverrideError(`${path}: holidays directory not found`);
  return readdirSync(path)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const file = join(path, f);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new CalendarOverrideError(`${file}: not valid JSON (${(e as Error).message})`);
      }
      const parsed = parseOverrides(file, raw);
      if (`${parsed.year}.json` !== f)
        throw new CalendarOverrideError(`${file}: "year" ${parsed.year} does not match the file name`);
      return parsed;
    });
};

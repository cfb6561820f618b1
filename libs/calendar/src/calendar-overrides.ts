import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type OverrideDay = { date: string; name: string; decision: string };
export type CalendarOverrides = { year: number; daysOff: OverrideDay[]; workingDays: OverrideDay[] };

export class CalendarOverrideError extends Error {}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRealDate = (s: string): boolean => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

const days = (file: string, year: number, list: unknown, field: string): OverrideDay[] => {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new CalendarOverrideError(`${file}: ${field} must be a list`);
  return list.map((entry, i) => {
    const e = entry as Partial<OverrideDay>;
    const where = `${file}: ${field}[${i}]`;
    if (typeof e?.date !== 'string' || !isRealDate(e.date)) throw new CalendarOverrideError(`${where}.date must be a real YYYY-MM-DD date`);
    if (!e.date.startsWith(`${year}-`)) throw new CalendarOverrideError(`${where}.date ${e.date} is not in ${year}`);
    if (typeof e.name !== 'string' || !e.name.trim()) throw new CalendarOverrideError(`${where}.name is required`);
    // Every change to the calendar names the official decision it comes from.
    if (typeof e.decision !== 'string' || !e.decision.trim()) throw new CalendarOverrideError(`${where}.decision is required`);
    return { date: e.date, name: e.name, decision: e.decision };
  });
};

export const parseOverrides = (file: string, raw: unknown): CalendarOverrides => {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || !Number.isInteger(r.year)) throw new CalendarOverrideError(`${file}: "year" must be a whole number`);
  const year = r.year as number;
  const overrides = { year, daysOff: days(file, year, r.daysOff, 'daysOff'), workingDays: days(file, year, r.workingDays, 'workingDays') };
  const clash = overrides.daysOff.find((d) => overrides.workingDays.some((w) => w.date === d.date));
  if (clash) throw new CalendarOverrideError(`${file}: ${clash.date} is both a day off and a working day`);
  return overrides;
};

// Every <year>.json of the directory; a missing directory means no overrides.
export const loadOverrides = (dir: string): CalendarOverrides[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new CalendarOverrideError(`${file}: not readable JSON (${(e as Error).message})`);
      }
      const parsed = parseOverrides(file, raw);
      if (`${parsed.year}.json` !== f) throw new CalendarOverrideError(`${file}: "year" ${parsed.year} does not match the file name`);
      return parsed;
    });
};

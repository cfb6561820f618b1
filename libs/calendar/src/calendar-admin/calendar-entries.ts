import { CalendarOverrides, OverrideDay } from '../calendar-overrides';
import { CalendarDayKind } from './calendar-day.entity';

// A day of a year's list as the admin reads and sends it. A file's entry has one "decision" text; its number
// and date are read out of it when it ends in "ngày DD/MM/YYYY", so that the list can be sent back as it is.
export type CalendarEntryView = {
  date: string;
  kind: CalendarDayKind;
  name: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  decision: string;
};
export type CalendarSource = 'app' | 'file' | 'statutory';
export type CalendarDayFields = {
  date: string;
  kind: CalendarDayKind;
  name: string;
  decisionNumber: string;
  decisionDate: string;
};

const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const decisionText = (number: string, date: string): string => `${number} ngày ${dmy(date)}`;

export const entryView = (d: CalendarDayFields): CalendarEntryView => ({
  date: d.date,
  kind: d.kind,
  name: d.name,
  decisionNumber: d.decisionNumber,
  decisionDate: d.decisionDate,
  decision: decisionText(d.decisionNumber, d.decisionDate),
});

const DATED = /^(.*\S)\s+ngày\s+(\d{2})\/(\d{2})\/(\d{4})$/;

const fileEntry = (d: OverrideDay, kind: CalendarDayKind): CalendarEntryView => {
  const m = DATED.exec(d.decision);
  return {
    date: d.date,
    kind,
    name: d.name,
    decisionNumber: m ? m[1] : null,
    decisionDate: m ? `${m[4]}-${m[3]}-${m[2]}` : null,
    decision: d.decision,
  };
};

export const fileEntries = (o: CalendarOverrides): CalendarEntryView[] =>
  [...o.daysOff.map((d) => fileEntry(d, 'day_off')), ...o.workingDays.map((d) => fileEntry(d, 'working_day'))].sort(
    (a, b) => a.date.localeCompare(b.date),
  );

// The app's days in the shape the working calendar reads from a file.
export const overridesOf = (year: number, days: CalendarDayFields[]): CalendarOverrides => {
  const of = (kind: CalendarDayKind) =>
    days
      .filter((d) => d.kind === kind)
      .map((d) => ({ date: d.date, name: d.name, decision: decisionText(d.decisionNumber, d.decisionDate) }));
  return { year, daysOff: of('day_off'), workingDays: of('working_day') };
};

const same = (a: CalendarEntryView, b: CalendarEntryView): boolean =>
  a.kind === b.kind &&
  a.name === b.name &&
  a.decisionNumber === b.decisionNumber &&
  a.decisionDate === b.decisionDate &&
  a.decision === b.decision;

// What a new list changes in the old one, date by date: what the admin chain records.
export const changesOf = (before: CalendarEntryView[], after: CalendarEntryView[]) => {
  const old = new Map(before.map((e) => [e.date, e]));
  const now = new Map(after.map((e) => [e.date, e]));
  return {
    added: after.filter((e) => !old.has(e.date)),
    changed: after
      .filter((e) => old.has(e.date) && !same(old.get(e.date) as CalendarEntryView, e))
      .map((e) => ({ before: old.get(e.date), after: e })),
    removed: before.filter((e) => !now.has(e.date)),
  };
};

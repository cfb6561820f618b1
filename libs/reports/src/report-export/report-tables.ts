import type { ReportTemplate } from './report-template';

export type Value = number | string | null;
export type ExportTable = { sheet: string; title: string; header: string[]; rows: Value[][] };

const at = (root: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );

const valueOf = (v: unknown): Value => (typeof v === 'number' || typeof v === 'string' ? v : null);

// The figures as tables, in the template's order: one summary of single figures, then one table per breakdown
// (a row per category, in the template's order of its words, a column per figure).
export const reportTables = (figures: Record<string, unknown>, t: ReportTemplate): ExportTable[] => {
  const summary: ExportTable = {
    sheet: t.summary.sheet,
    title: t.summary.title,
    header: [...t.summary.header],
    rows: t.summary.rows.map((r) => [r.label, valueOf(at(figures, r.path))]),
  };
  const tables = t.tables.map((spec): ExportTable => {
    const words = t.labels[spec.labels];
    return {
      sheet: spec.sheet,
      title: spec.title,
      header: [t.categoryHeader, ...spec.columns.map((c) => c.header)],
      rows: Object.entries(words).map(([key, word]) => [
        word,
        ...spec.columns.map((c) => valueOf(at(at(figures, c.path), c.field ? `${key}.${c.field}` : key))),
      ]),
    };
  });
  return [summary, ...tables];
};

export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

// 2027-01-15 → 15/01/2027, as Vietnamese documents write a date.
export const vnDate = (day: string): string => day.split('-').reverse().join('/');

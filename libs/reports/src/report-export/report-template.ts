import { readFileSync } from 'node:fs';
import { AREA_CODES, CHANNELS, RISK_LEVELS } from '@dh/cases';
import { PROVIDER_KINDS } from '@dh/directory';
import { CASE_ALERT_LEVELS } from '@dh/escalations';
import { ACTIVITY_KINDS } from '@dh/school-records';
import { CLOSURE_OUTCOMES, GRADES, OPEN_STAGES, REPORTED_CLOCKS, SEXES } from '../report-figures';
import { REPORT_SECTIONS } from '../report/report-content';

export type TableColumn = { header: string; path: string; field?: string };
export type TableSpec = { sheet: string; title: string; labels: string; columns: TableColumn[] };

// The words and layout of an exported report (config/reports/report-template.json): a ward with an official
// layout changes this file, not the code.
export type ReportTemplate = {
  heading: { nation: string; motto: string };
  titles: Record<'semester_1' | 'school_year' | 'incident', string>;
  subtitle: string;
  period: string;
  recipient: string;
  incident: string;
  sections: Record<(typeof REPORT_SECTIONS)[number], string>;
  figuresHeading: string;
  noText: string;
  summary: { sheet: string; title: string; header: [string, string]; rows: { label: string; path: string }[] };
  tables: TableSpec[];
  categoryHeader: string;
  signature: { place: string; role: string; note: string };
  anchor: { title: string; text: string };
  info: { sheet: string; what: string; rows: Record<string, string>; suppressedNote: string };
  statuses: Record<string, string>;
  ward: {
    title: string;
    sheet: string;
    header: [string, string, string, string, string, string];
    statuses: Record<string, string>;
    accepted: string;
    anchorNote: string;
  };
  kinds: Record<string, string>;
  labels: Record<string, Record<string, string>>;
};

// Every category a report's figures break down by, with every key it can hold: each needs its words.
export const LABEL_SETS: Record<string, readonly string[]> = {
  channel: CHANNELS,
  risk: RISK_LEVELS,
  grade: GRADES,
  sex: SEXES,
  outcome: CLOSURE_OUTCOMES,
  stage: OPEN_STAGES,
  receiverKind: PROVIDER_KINDS,
  clock: REPORTED_CLOCKS,
  alertLevel: CASE_ALERT_LEVELS,
  activityKind: ACTIVITY_KINDS,
  area: AREA_CODES,
};

const WARD_STATUSES = ['not_started', 'draft', 'returned', 'submitted', 'accepted'];

// Read once at start: a template missing a word, or naming a category nobody counts, stops the start.
export const loadReportTemplate = (file: string): ReportTemplate => {
  const t = JSON.parse(readFileSync(file, 'utf8')) as ReportTemplate;
  const problems: string[] = [];
  for (const [set, keys] of Object.entries(LABEL_SETS))
    for (const key of keys) if (!t.labels?.[set]?.[key]?.trim()) problems.push(`labels.${set}.${key} is missing`);
  for (const s of REPORT_SECTIONS) if (!t.sections?.[s]?.trim()) problems.push(`sections.${s} is missing`);
  for (const spec of t.tables ?? [])
    if (!LABEL_SETS[spec.labels]) problems.push(`tables "${spec.title}": no category "${spec.labels}"`);
  for (const status of WARD_STATUSES)
    if (!t.ward?.statuses?.[status]?.trim()) problems.push(`ward.statuses.${status} is missing`);
  if (t.ward?.header?.length !== 6) problems.push('ward.header needs its 6 column headers');
  const sheets = [t.info?.sheet, t.ward?.sheet, t.summary?.sheet, ...(t.tables ?? []).map((s) => s.sheet)];
  for (const name of sheets)
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name))
      problems.push(`sheet name "${name}" is not one Excel takes`);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return t;
};

import { Cell, SMALL, suppressFigures } from '../suppression';
import type { SchoolRecordFigures } from './school-record-figures';
import type { ReportContentFigures } from './report-content';

type Node = number | string | boolean | null | Node[] | { [key: string]: Node };
type Suppressed = number | string | boolean | null | Suppressed[] | { [key: string]: Suppressed };

const isRecord = (n: Node): n is { [key: string]: Node } => typeof n === 'object' && n !== null && !Array.isArray(n);
const isFlatCounts = (n: Node): n is Record<string, number> =>
  isRecord(n) && Object.values(n).every((v) => typeof v === 'number');
const primary = (n: number): Cell => (n >= 1 && n <= 4 ? SMALL : n);

// A breakdown `{ total, byX: {…}, byY: {…} }`: each `by` record sums to the total. A total hidden by one of them is
// hidden in all, and the others then protect their cells against an unknown total.
const breakdown = (node: { [key: string]: Node }): { [key: string]: Suppressed } => {
  const total = node.total as number;
  const groups = Object.keys(node).filter((k) => k.startsWith('by') && isFlatCounts(node[k]));
  const run = (unknownTotal: boolean) =>
    groups.map((g) => {
      const values = Object.values(node[g] as Record<string, number>);
      const parts = values.map((_, i) => i + 1);
      return suppressFigures([total, ...values], [{ total: 0, parts }], new Set(unknownTotal ? [0] : []));
    });
  let cells = run(false);
  const totalHidden = cells.some((c) => c[0] === SMALL);
  if (totalHidden) cells = run(true);
  const out: { [key: string]: Suppressed } = {};
  for (const [key, value] of Object.entries(node)) {
    const g = groups.indexOf(key);
    if (key === 'total') out.total = totalHidden ? SMALL : total;
    else if (g >= 0)
      out[key] = Object.fromEntries(Object.keys(value as Record<string, number>).map((k, i) => [k, cells[g][i + 1]]));
    else out[key] = walk(value);
  }
  return out;
};

const walk = (node: Node): Suppressed => {
  if (typeof node === 'number') return primary(node);
  if (Array.isArray(node)) return node.map(walk);
  if (!isRecord(node)) return node;
  if (typeof node.total === 'number') return breakdown(node);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
};

// What a report's figures say once they leave the school (the ward officer's view, the roll-up, the exports):
// every count of learners of 1–4 as "<5", and what would let a reader work it out from a total hidden too.
// Durations, medians and what the school keeps beside its cases (activities, training, team) count no learner
// and pass as they are.
export const figuresForWard = (
  f: ReportContentFigures,
): Record<string, Suppressed> & { schoolRecords: SchoolRecordFigures } => {
  const { period, medianWorkingDays, sessions, schoolRecords, ...counts } = f;
  return {
    ...(walk(counts) as Record<string, Suppressed>),
    period,
    medianWorkingDays,
    sessions: {
      inPerson: { count: primary(sessions.inPerson.count), minutes: sessions.inPerson.minutes },
      online: { count: primary(sessions.online.count), minutes: sessions.online.minutes },
    },
    schoolRecords,
  };
};

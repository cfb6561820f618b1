import type { components } from '../api/openapiTypes';
import { nearestOf } from '../deadlines/remainingTime';

type CaseView = components['schemas']['CaseViewDto'];

export type StageGroup = { state: string; cases: CaseView[] };

// Archived cases are done; everything else assigned to the counsellor is still their work, follow-up included.
const isOpen = (c: CaseView): boolean => c.state !== 'closed.archived';

const dueOf = (c: CaseView): string => nearestOf(c.deadlines)?.dueAt ?? '9999';

// The counsellor's open cases by stage, in the order of a case's road, each stage's most pressing case first.
export const groupByStage = (cases: CaseView[], stageOrder: string[]): StageGroup[] => {
  const groups = new Map<string, CaseView[]>();
  for (const c of cases.filter(isOpen)) groups.set(c.state, [...(groups.get(c.state) ?? []), c]);
  const rank = (state: string) => {
    const i = stageOrder.findIndex((s) => state === s || state.startsWith(`${s}.`));
    return i < 0 ? stageOrder.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([state, list]) => ({ state, cases: [...list].sort((a, b) => dueOf(a).localeCompare(dueOf(b))) }));
};

// The road, as the machine's top-level stages run.
export const STAGE_ORDER = [
  'intake',
  'assessment',
  'planning',
  'planReview',
  'monitoring',
  'closureReview',
  'referral.pending',
  'referral',
  'closed',
];

import { AreaCode, Channel, CHANNELS, RISK_LEVELS } from '@dh/cases';
import { PROVIDER_KINDS, ProviderKind } from '@dh/directory';
import type { RiskLevel } from '@dh/machines/case/types';
import { caseMachines } from '@dh/machines/case/registry';

// The keys each breakdown always has, in this order, zeros included: the JSON of two reports lines up key by key.
export const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'unknown'] as const;
export type Grade = (typeof GRADES)[number];
// nam, nu, khong_ro as the learner was recorded; unknown: a public report whose learner is not named yet.
export const SEXES = ['nam', 'nu', 'khong_ro', 'unknown'] as const;
export type SexKey = (typeof SEXES)[number];
export const CLOSURE_OUTCOMES = [
  'closed_at_intake',
  'closed_after_assessment',
  'closed_after_support',
  'referred_and_closed',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
// The four clocks a report accounts for, by their deadline kind (machines/case/v1/meta.ts).
export const REPORTED_CLOCKS = ['first_contact', 'assessment_due', 'plan_due', 'plan_review'] as const;
export type ReportedClock = (typeof REPORTED_CLOCKS)[number];
// case@2 keeps case@1's stages: the top-level states, without `closed`, are the open stages.
export const OPEN_STAGES = Object.keys(caseMachines['case@1'].machine.config.states ?? {}).filter(
  (s) => s !== 'closed',
);
export const SESSION_MODES = { inPerson: 'truc_tiep', online: 'truc_tuyen' } as const;
export const FOLLOW_UP_CLOCKS = { at30Days: 'follow_up_30', at90Days: 'follow_up_90' } as const;

export type Counts<K extends string> = Record<K, number>;
export type OpenedBreakdown = {
  total: number;
  byChannel: Counts<Channel>;
  byRiskAtOpening: Counts<RiskLevel>;
  byHighestRisk: Counts<RiskLevel>;
  byGrade: Counts<Grade>;
  bySex: Counts<SexKey>;
};
export type ReferralCounts = { total: number; byReceiverKind: Counts<ProviderKind> };
export type Timed = { count: number; minutes: number };

// A school's figures for one period: counts only, never a learner, a case, a name or a note.
export type ReportFigures = {
  period: { from: string; to: string };
  casesOpened: OpenedBreakdown & { byArea: Record<AreaCode, OpenedBreakdown> };
  casesClosed: { total: number; byOutcome: Counts<ClosureOutcome> };
  openAtEnd: { total: number; byStage: Counts<string> };
  referrals: { sent: ReferralCounts; accepted: ReferralCounts; declined: ReferralCounts; completed: ReferralCounts };
  protectionConcerns: { raised: number; notifiedWithin12WorkingHours: number };
  deadlines: Record<ReportedClock, { met: number; missed: number }>;
  // Median whole working days (libs/calendar's count of working days after the opening day up to that day); null
  // when no case of the period got there.
  medianWorkingDays: { openingToApprovedPlan: number | null; openingToClosure: number | null };
  alerts: Record<string, { raised: number; acknowledgedWithinOneWorkingDay: number }>;
  sessions: { inPerson: Timed; online: Timed };
  followUps: { at30Days: number; at90Days: number };
};

export const zeros = <K extends string>(keys: readonly K[]): Counts<K> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

export const emptyOpened = (): OpenedBreakdown => ({
  total: 0,
  byChannel: zeros(CHANNELS),
  byRiskAtOpening: zeros(RISK_LEVELS),
  byHighestRisk: zeros(RISK_LEVELS),
  byGrade: zeros(GRADES),
  bySex: zeros(SEXES),
});

export const emptyReferrals = (): ReferralCounts => ({ total: 0, byReceiverKind: zeros(PROVIDER_KINDS) });

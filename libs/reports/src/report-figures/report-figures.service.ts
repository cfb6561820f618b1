import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkingCalendar } from '@dh/calendar';
import { AREA_CODES } from '@dh/cases';
import { Clock } from '@dh/clock';
import { CASE_ALERT_LEVELS } from '@dh/escalations';
import { AUTHORITY_RECIPIENTS } from '@dh/machines/case/v2/rules';
import { FiguresPeriod } from './report-period';
import {
  ALERTS_SQL,
  CLOSED_SQL,
  DEADLINES_SQL,
  FOLLOW_UPS_SQL,
  GRADE_PATTERN,
  OPENED_SQL,
  PLAN_APPROVED_SQL,
  PROTECTION_SQL,
  REFERRALS_SQL,
  SESSIONS_SQL,
  STAGE_AT_END_SQL,
} from './report-figures.sql';
import {
  CLOSURE_OUTCOMES,
  emptyOpened,
  emptyReferrals,
  FOLLOW_UP_CLOCKS,
  OPEN_STAGES,
  OpenedBreakdown,
  ReferralCounts,
  REPORTED_CLOCKS,
  ReportFigures,
  SESSION_MODES,
  zeros,
} from './report-figures.types';

type KeyCount = { key: string; n: number };
type Opened = KeyCount & { area: string; dim: string };
type Span = { opened_at: Date; at: Date };
type Referrals = { kind: string; sent: number; accepted: number; declined: number; completed: number };

const PROTECTION_WINDOW_HOURS = 12;
const HOUR_MS = 3600_000;

// Adds n to a count only under a key the breakdown has: a value the report does not name is left out, not invented.
const bump = (counts: Record<string, number>, key: string, n: number): void => {
  if (key in counts) counts[key] += n;
};

export const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// A school's figures for a report period, counted from its cases in a few set-based queries (issue 17). Runs in the
// caller's transaction, so a report's figures and what it freezes beside them read one snapshot.
// The report's queries with their parameters, in the order compute runs them (bench/report.ts times them alone).
export const figureQueries = (schoolId: string, period: FiguresPeriod, now: Date) => {
  const p = [schoolId, period.from, period.to];
  const query = (sql: string, params: unknown[]): [string, unknown[]] => [sql, params];
  return {
    opened: query(OPENED_SQL, [...p, GRADE_PATTERN]),
    closed: query(CLOSED_SQL, p),
    stages: query(STAGE_AT_END_SQL, [schoolId, period.to]),
    plans: query(PLAN_APPROVED_SQL, p),
    referrals: query(REFERRALS_SQL, p),
    concerns: query(PROTECTION_SQL, [...p, AUTHORITY_RECIPIENTS]),
    clocks: query(DEADLINES_SQL, [...p, REPORTED_CLOCKS, now]),
    alerts: query(ALERTS_SQL, p),
    sessions: query(SESSIONS_SQL, p),
    followUps: query(FOLLOW_UPS_SQL, p),
  };
};

@Injectable()
export class ReportFiguresService {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async compute(tx: EntityManager, schoolId: string, period: FiguresPeriod): Promise<ReportFigures> {
    const q = figureQueries(schoolId, period, this.clock.now());
    const opened: Opened[] = await tx.query(...q.opened);
    const closed: { opened_at: Date; closed_at: Date; outcome: string }[] = await tx.query(...q.closed);
    const stages: (KeyCount & { stage: string })[] = await tx.query(...q.stages);
    const plans: Span[] = await tx.query(...q.plans);
    const referrals: Referrals[] = await tx.query(...q.referrals);
    const concerns: { raised_at: Date; notified_at: Date | null }[] = await tx.query(...q.concerns);
    const clocks: { kind: string; met: number; missed: number }[] = await tx.query(...q.clocks);
    const alerts: { level: string; created_at: Date; acknowledged_at: Date | null }[] = await tx.query(...q.alerts);
    const sessions: (KeyCount & { mode: string; minutes: number })[] = await tx.query(...q.sessions);
    const followUps: (KeyCount & { kind: string })[] = await tx.query(...q.followUps);

    const byStage = zeros(OPEN_STAGES);
    for (const s of stages) bump(byStage, s.stage, s.n);
    const session = (mode: string) => {
      const row = sessions.find((s) => s.mode === mode);
      return { count: row?.n ?? 0, minutes: row?.minutes ?? 0 };
    };
    const followUp = (kind: string) => followUps.find((f) => f.kind === kind)?.n ?? 0;
    return {
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      casesOpened: openedFigures(opened),
      casesClosed: {
        total: closed.length,
        byOutcome: closed.reduce((acc, c) => (bump(acc, c.outcome, 1), acc), zeros(CLOSURE_OUTCOMES)),
      },
      openAtEnd: { total: Object.values(byStage).reduce((a, b) => a + b, 0), byStage },
      referrals: referralFigures(referrals),
      protectionConcerns: {
        raised: concerns.length,
        notifiedWithin12WorkingHours: concerns.filter(
          (c) =>
            c.notified_at !== null &&
            this.calendar.workingMsBetween(c.raised_at, c.notified_at) <= PROTECTION_WINDOW_HOURS * HOUR_MS,
        ).length,
      },
      deadlines: Object.fromEntries(
        REPORTED_CLOCKS.map((k) => {
          const row = clocks.find((c) => c.kind === k);
          return [k, { met: row?.met ?? 0, missed: row?.missed ?? 0 }];
        }),
      ) as ReportFigures['deadlines'],
      medianWorkingDays: {
        openingToApprovedPlan: median(plans.map((s) => this.calendar.workingDaysBetween(s.opened_at, s.at))),
        openingToClosure: median(closed.map((c) => this.calendar.workingDaysBetween(c.opened_at, c.closed_at))),
      },
      alerts: Object.fromEntries(
        CASE_ALERT_LEVELS.map((level) => {
          const raised = alerts.filter((a) => a.level === level);
          // One working day as a deadline counts it: to the close of the next working day.
          const inTime = raised.filter(
            (a) => a.acknowledged_at !== null && a.acknowledged_at <= this.calendar.addWorkingDays(a.created_at, 1),
          );
          return [level, { raised: raised.length, acknowledgedWithinOneWorkingDay: inTime.length }];
        }),
      ),
      sessions: { inPerson: session(SESSION_MODES.inPerson), online: session(SESSION_MODES.online) },
      followUps: {
        at30Days: followUp(FOLLOW_UP_CLOCKS.at30Days),
        at90Days: followUp(FOLLOW_UP_CLOCKS.at90Days),
      },
    };
  }
}

const DIMENSIONS: Record<string, keyof Omit<OpenedBreakdown, 'total'>> = {
  channel: 'byChannel',
  riskAtOpening: 'byRiskAtOpening',
  highestRisk: 'byHighestRisk',
  grade: 'byGrade',
  sex: 'bySex',
};

const openedFigures = (rows: Opened[]): ReportFigures['casesOpened'] => {
  const all = emptyOpened();
  const byArea = Object.fromEntries(AREA_CODES.map((a) => [a, emptyOpened()])) as Record<string, OpenedBreakdown>;
  for (const r of rows) {
    const target = r.area === '*' ? all : byArea[r.area];
    if (!target) continue;
    if (r.dim === 'total') target.total = r.n;
    else bump(target[DIMENSIONS[r.dim]], r.key, r.n);
  }
  return { ...all, byArea };
};

const referralFigures = (rows: Referrals[]): ReportFigures['referrals'] => {
  const out = {
    sent: emptyReferrals(),
    accepted: emptyReferrals(),
    declined: emptyReferrals(),
    completed: emptyReferrals(),
  };
  for (const r of rows) {
    for (const step of ['sent', 'accepted', 'declined', 'completed'] as const) {
      const counts: ReferralCounts = out[step];
      counts.total += r[step];
      bump(counts.byReceiverKind, r.kind, r[step]);
    }
  }
  return out;
};

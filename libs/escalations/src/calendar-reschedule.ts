import { EntityManager, In, IsNull, Not } from 'typeorm';
import { WorkingCalendar } from '@dh/calendar';
import type { PlanDate } from '@dh/machines/case/types';
import { Deadline, DeadlineLevel, DeadlineRule, Level } from './deadline.entity';
import { PLAN_RULES, PlanDatesReader } from './plan-dates';

export type MovedDeadline = {
  deadlineId: string;
  caseId: string | null;
  schoolId: string;
  kind: string;
  from: string;
  to: string;
  levels: { level: Level; from: string; to: string }[];
};

type Remap = (t: Date) => Date;

// How one open clock's instants move from the calendar in force to the new one, or null when they do not.
// A working clock keeps the working time it was given from its start: its duration (whatever set it, the
// risk at the time or the ward's policy) plus the working time paused since, all of it counted again on the
// new calendar. A plan-dated clock closes on the plan's date under the new calendar, plus the time it
// has been paused; its rungs before the due keep their distance to it, those after their working time.
// Other calendar-day clocks (30 days, the school reports' fixed dates) do not depend on working days.
const remapOf = (
  d: Deadline,
  before: WorkingCalendar,
  after: WorkingCalendar,
  planDay: string | undefined,
): Remap | null => {
  const keepWorking =
    (from: Date, to: Date): Remap =>
    (t) =>
      after.addWorkingMs(to, before.workingMsBetween(from, t));
  if (d.clock === 'working') return keepWorking(d.startedAt, d.startedAt);
  if (d.rule === 'default' || planDay === undefined) return null;
  const oldClose = before.closeOf(planDay);
  // A due before its plan date's close was not set by this plan (revised since): left as it is.
  if (d.dueAt < oldClose) return null;
  const newDue = new Date(after.closeOf(planDay).getTime() + (d.dueAt.getTime() - oldClose.getTime()));
  const afterDue = keepWorking(d.dueAt, newDue);
  return (t) => (t < d.dueAt ? new Date(t.getTime() + newDue.getTime() - d.dueAt.getTime()) : afterDue(t));
};

// The plan date a plan-dated clock closes on (DeadlineService.dueOf): the case's current plan's, by rule and case.
const planDays = async (tx: EntityManager, open: Deadline[], plans: PlanDatesReader): Promise<Map<string, string>> => {
  const days = new Map<string, string>();
  for (const [date, rule] of Object.entries(PLAN_RULES) as [PlanDate, DeadlineRule][]) {
    const caseIds = [...new Set(open.filter((d) => d.rule === rule && d.caseId).map((d) => d.caseId as string))];
    for (const [caseId, day] of await plans.planDates(tx, caseIds, date)) days.set(`${rule}:${caseId}`, day);
  }
  return days;
};

// Moves every open clock the change of calendar affects, with its rungs still to come (fired ones stay), in
// the caller's transaction; what moved, for the record.
export const rescheduleOpenDeadlines = async (
  tx: EntityManager,
  before: WorkingCalendar,
  after: WorkingCalendar,
  planDates: PlanDatesReader,
): Promise<MovedDeadline[]> => {
  // Locked: a resume or a risk raise moving the same clock waits for this change rather than losing to it.
  const open = await tx.getRepository(Deadline).find({
    where: [
      { closedAt: IsNull(), clock: 'working' },
      { closedAt: IsNull(), rule: Not('default') },
    ],
    order: { startedAt: 'ASC', id: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  const plans = await planDays(tx, open, planDates);
  const pending = new Map<string, DeadlineLevel[]>();
  const rungs = open.length
    ? await tx
        .getRepository(DeadlineLevel)
        .find({ where: { deadlineId: In(open.map((d) => d.id)), status: In(['pending', 'paused']) } })
    : [];
  for (const r of rungs) pending.set(r.deadlineId, [...(pending.get(r.deadlineId) ?? []), r]);
  const moved: MovedDeadline[] = [];
  for (const d of open) {
    const remap = remapOf(d, before, after, plans.get(`${d.rule}:${d.caseId}`));
    if (!remap) continue;
    const to = remap(d.dueAt);
    const levels = (pending.get(d.id) ?? [])
      .map((r) => ({ level: r.level, from: r.dueAt, to: r.level === 'overdue' ? to : remap(r.dueAt) }))
      .filter((r) => r.to.getTime() !== r.from.getTime());
    if (to.getTime() === d.dueAt.getTime() && !levels.length) continue;
    if (to.getTime() !== d.dueAt.getTime()) await tx.getRepository(Deadline).update({ id: d.id }, { dueAt: to });
    for (const r of levels)
      await tx.getRepository(DeadlineLevel).update({ deadlineId: d.id, level: r.level }, { dueAt: r.to });
    moved.push({
      deadlineId: d.id,
      caseId: d.caseId,
      schoolId: d.schoolId,
      kind: d.kind,
      from: d.dueAt.toISOString(),
      to: to.toISOString(),
      levels: levels.map((r) => ({ level: r.level, from: r.from.toISOString(), to: r.to.toISOString() })),
    });
  }
  return moved;
};

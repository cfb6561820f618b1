import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { AuditService } from '@dh/audit';
import { WorkingCalendar } from '@dh/calendar';
import { stateMetaOf } from '@dh/machines/case/engine';
import { isMachineVersion } from '@dh/machines/case/registry';
import type { DeadlineSpec, Duration, EscalationTarget, RiskLevel } from '@dh/machines/case/types';
import { ClosedAs, Deadline, DeadlineLevel, DeadlineRule, Level, LEVELS } from './deadline.entity';
import { SLA_POLICY } from './escalation.tokens';
import { PLAN_RULES, PlanDatesPort } from './plan-dates';
import { SlaPolicy } from './sla-policy';

export type CaseClock = {
  caseId: string;
  schoolId: string;
  machineVersion: string;
  riskLevel: RiskLevel;
  pausedAt: Date | null;
};

export type NewDeadline = {
  schoolId: string;
  caseId: string | null;
  kind: string;
  label: string;
  labelEn: string;
  state: string | null;
  startedAt: Date;
  dueAt: Date;
  due: Duration;
  escalateTo: EscalationTarget[];
  repeatDays: number | null;
  rule?: DeadlineRule;
  // A clock opened while the case's clocks are paused starts paused.
  pausedAt?: Date | null;
  principalAfter?: Duration;
  wardAfter?: Duration;
  // When the row was written, if later than startedAt (a clock counted from when the school learned).
  recordedAt?: Date;
  // A ladder of the clock's own in place of the policy's (a breach's 72 hours: alerts on the calendar hour,
  // some before the due time), each rung reaching whom its level reaches.
  rungs?: { level: Level; dueAt: Date }[];
};

export type DeadlineView = {
  id: string;
  kind: string;
  label: string;
  dueAt: string;
  // What the clock counts from: when the school learned of what it is about, which may precede the record.
  startedAt: string;
  rule: DeadlineRule;
  level: Level | null;
  paused: boolean;
  remainingWorkingMs: number | null;
};

const DAY_MS = 24 * 3600 * 1000;
const isHigh = (r: RiskLevel) => r === 'high' || r === 'critical';

// An open clock as read for a view; its times are strings when it comes inside JSON (openClocksJson).
export type OpenClockRow = {
  id: string;
  case_id: string;
  kind: DeadlineView['kind'];
  label: string;
  due_at: Date | string;
  started_at: Date | string;
  rule: DeadlineView['rule'];
  paused_at: Date | string | null;
  fired: Level[];
};

const openRowsSql = (where: string) => `
  SELECT d.id, d.case_id, d.kind, d.label, d.due_at, d.started_at, d.rule, d.paused_at,
         coalesce(array_agg(l.level) FILTER (WHERE l.level IS NOT NULL), '{}') AS fired
    FROM deadline d LEFT JOIN deadline_level l ON l.deadline_id = d.id AND l.status = 'fired'
   WHERE ${where} AND d.closed_at IS NULL
   GROUP BY d.id`;
const OPEN_OF_SQL = `${openRowsSql('d.case_id = ANY($1)')} ORDER BY d.due_at, d.id`;

// The open clocks of the case the SQL expression `caseId` names, as one JSON array: for a reader that takes them
// with its own row in one statement (CaseService's read under a writer's lock). viewsOf reads the array.
export const openClocksJson = (caseId: string): string =>
  `(SELECT coalesce(json_agg(o ORDER BY o.due_at, o.id), '[]'::json) FROM (${openRowsSql(`d.case_id = ${caseId}`)}) o)`;

@Injectable()
export class DeadlineService {
  // The transactions that wrote clocks (changedIn); every write below marks its transaction first.
  private readonly changed = new WeakSet<EntityManager>();

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly calendar: WorkingCalendar,
    @Inject(SLA_POLICY) private readonly policy: SlaPolicy,
    private readonly audit: AuditService,
    private readonly plans: PlanDatesPort,
  ) {}

  dueAfter(start: Date, d: Duration): Date {
    if ('workingDays' in d) return this.calendar.addWorkingDays(start, d.workingDays);
    if ('workingHours' in d) return this.calendar.addWorkingHours(start, d.workingHours);
    return new Date(start.getTime() + d.calendarDays * DAY_MS);
  }

  // Working time left until `dueAt` at `now`, 0 once due: what a clock's view says is left.
  workingMsLeft(dueAt: Date, now: Date): number {
    return dueAt > now ? this.calendar.workingMsBetween(now, dueAt) : 0;
  }

  // The machine's meta says which clocks a state runs; the ward's policy may change how long.
  durationOf(spec: DeadlineSpec, risk: RiskLevel): Duration {
    const override = this.policy.deadlines[spec.kind];
    if (isHigh(risk)) return override?.dueWhenHighRisk ?? spec.dueWhenHighRisk ?? override?.due ?? spec.due;
    return override?.due ?? spec.due;
  }

  // Leaving a state closes its clocks; entering one opens its own. Same transaction as the transition.
  // Leaves, not one state: from case@2 a protection concern runs its clock beside the stage's. The clocks
  // entered count from `startedAt`: when the school learned of what opened them (a case, a concern), else now.
  async moveLeaves(
    tx: EntityManager,
    c: CaseClock,
    from: string[],
    to: string[],
    now: Date,
    startedAt: Date = now,
  ): Promise<void> {
    const left = from.filter((l) => !to.includes(l));
    const entered = to.filter((l) => !from.includes(l));
    if (left.length) await this.closeOpen(tx, c.caseId, now, left);
    if (!isMachineVersion(c.machineVersion)) return;
    for (const leaf of entered) {
      for (const spec of stateMetaOf(c.machineVersion, leaf).deadlines) {
        const due = this.durationOf(spec, c.riskLevel);
        const { dueAt, rule } = await this.dueOf(tx, spec, c, due, startedAt, now);
        await this.open(tx, {
          schoolId: c.schoolId,
          caseId: c.caseId,
          kind: spec.kind,
          label: spec.label.vi,
          labelEn: spec.label.en,
          state: leaf,
          startedAt,
          recordedAt: now,
          dueAt,
          rule,
          due,
          escalateTo: spec.escalateTo,
          repeatDays: spec.repeat && 'calendarDays' in due ? due.calendarDays : null,
          pausedAt: c.pausedAt,
          principalAfter: spec.principalAfter,
          wardAfter: spec.wardAfter,
        });
      }
    }
  }

  // A clock an event starts rather than a state (the school-violence family notice): no leaf owns it, so moving
  // between stages leaves it alone. One of a kind at a time: a second report of the same incident adds no clock.
  // Counted from when the school learned of the event (`startedAt`), which may be before it was recorded (`now`).
  async openEventClock(
    tx: EntityManager,
    c: CaseClock,
    spec: DeadlineSpec,
    now: Date,
    startedAt = now,
  ): Promise<boolean> {
    if (await tx.getRepository(Deadline).exists({ where: { caseId: c.caseId, kind: spec.kind, closedAt: IsNull() } }))
      return false;
    const due = this.durationOf(spec, c.riskLevel);
    await this.open(tx, {
      schoolId: c.schoolId,
      caseId: c.caseId,
      kind: spec.kind,
      label: spec.label.vi,
      labelEn: spec.label.en,
      state: null,
      startedAt,
      recordedAt: now,
      dueAt: this.dueAfter(startedAt, due),
      due,
      escalateTo: spec.escalateTo,
      repeatDays: null,
      pausedAt: c.pausedAt,
      principalAfter: spec.principalAfter,
      wardAfter: spec.wardAfter,
    });
    return true;
  }

  // Closes the open clocks of this kind that an act done at `doneAt` answers: those started no later than it. What
  // was done before a clock started says nothing of what it waits for. Answers whether one was closed.
  async closeAnsweredBy(tx: EntityManager, caseId: string, kind: string, doneAt: Date, now: Date): Promise<boolean> {
    const open = await tx.getRepository(Deadline).find({
      where: { caseId, kind, closedAt: IsNull(), startedAt: LessThanOrEqual(doneAt) },
      select: { id: true },
    });
    if (open.length)
      await this.close(
        tx,
        open.map((d) => d.id),
        now,
      );
    return open.length > 0;
  }

  // The one place a new clock's due time is decided: the date of the case's current plan the spec follows
  // (as closing on a working day), where the plan gives one still ahead; else the duration. Read in the
  // transition's transaction, so a plan just submitted counts.
  private async dueOf(
    tx: EntityManager,
    spec: DeadlineSpec,
    c: CaseClock,
    due: Duration,
    start: Date,
    now: Date,
  ): Promise<{ dueAt: Date; rule: DeadlineRule }> {
    if (spec.dueByPlan) {
      const day = (await this.plans.planDates(tx, [c.caseId], spec.dueByPlan)).get(c.caseId);
      const dueAt = day ? this.calendar.closeOf(day) : null;
      if (dueAt && dueAt > now) return { dueAt, rule: PLAN_RULES[spec.dueByPlan] };
    }
    return { dueAt: this.dueAfter(start, due), rule: 'default' };
  }

  // A risk raised to high or critical gives the open clocks of these leaves that run shorter at that risk
  // (first contact at intake) the due time opening at that risk gives: from the clock's own start, so a raise
  // late in the day may already be overdue, plus the time already paused. Only ever earlier: lowering the risk
  // again gives no time back, since what made it high was known and the same-day contact is still owed.
  async tightenForRisk(tx: EntityManager, c: CaseClock, leaves: string[]): Promise<void> {
    if (!isHigh(c.riskLevel) || !isMachineVersion(c.machineVersion)) return;
    const open = await tx
      .getRepository(Deadline)
      .find({ where: { caseId: c.caseId, closedAt: IsNull(), state: In(leaves) } });
    for (const d of open) {
      const spec = stateMetaOf(c.machineVersion, d.state as string).deadlines.find((s) => s.kind === d.kind);
      // A date the plan set is kept: the risk shortens durations, not what the plan agreed.
      if (!spec || d.rule !== 'default') continue;
      const due = this.durationOf(spec, c.riskLevel);
      const shift = await this.pausedSince(tx, d);
      const move = (t: Date) =>
        d.clock === 'working' ? this.calendar.addWorkingMs(t, shift) : new Date(t.getTime() + shift);
      const nominal = this.dueAfter(d.startedAt, due);
      if (move(nominal) >= d.dueAt) continue;
      this.changed.add(tx);
      await tx.getRepository(Deadline).update({ id: d.id }, { dueAt: move(nominal) });
      const rungs = this.ladder({ ...spec, startedAt: d.startedAt, dueAt: nominal, due, escalateTo: d.escalateTo });
      await this.replaceRungs(
        tx,
        d,
        rungs.map((r) => ({ level: r.level, dueAt: move(r.dueAt) })),
      );
    }
  }

  // The time a clock has been moved by the pauses resumed since it was opened, as resume() moved it: the trail
  // keeps each resume's paused working time. From its row's creation, not its start: a clock counted from when
  // the school learned did not exist, and was not moved, before it was recorded.
  private async pausedSince(tx: EntityManager, d: Deadline): Promise<number> {
    const resumed = await this.audit.eventsAfter(tx, d.caseId as string, 'CLOCKS_RESUMED', d.createdAt);
    return resumed.reduce(
      (sum, e) =>
        sum +
        (d.clock === 'working'
          ? Number(e.payload.pausedWorkingMs)
          : e.at.getTime() - new Date(String(e.payload.pausedSince)).getTime()),
      0,
    );
  }

  // Rungs already fired stay as they were; the others take the new ladder, paused with their clock.
  private async replaceRungs(tx: EntityManager, d: Deadline, rungs: { level: Level; dueAt: Date }[]): Promise<void> {
    this.changed.add(tx);
    const repo = tx.getRepository(DeadlineLevel);
    const fired = (await repo.find({ where: { deadlineId: d.id, status: 'fired' } })).map((l) => l.level);
    await repo.update({ deadlineId: d.id, status: In(['pending', 'paused']) }, { status: 'cancelled' });
    const status = d.pausedAt ? ('paused' as const) : ('pending' as const);
    for (const r of rungs.filter((x) => !fired.includes(x.level))) {
      await repo.upsert({ deadlineId: d.id, level: r.level, dueAt: r.dueAt, status, firedAt: null }, [
        'deadlineId',
        'level',
      ]);
    }
  }

  async closeOpen(tx: EntityManager, caseId: string, now: Date, states?: string[]): Promise<void> {
    const open = await tx.getRepository(Deadline).find({
      where: { caseId, closedAt: IsNull(), ...(states ? { state: In(states) } : {}) },
      select: { id: true },
    });
    if (open.length === 0) return;
    await this.close(
      tx,
      open.map((d) => d.id),
      now,
    );
  }

  // A closed clock raises nothing more: its pending rungs are cancelled with it.
  private async close(tx: EntityManager, ids: string[], now: Date, closedAs: ClosedAs | null = null): Promise<void> {
    this.changed.add(tx);
    await tx.getRepository(Deadline).update({ id: In(ids) }, { closedAt: now, closedAs });
    await tx
      .getRepository(DeadlineLevel)
      .update({ deadlineId: In(ids), status: In(['pending', 'paused']) }, { status: 'cancelled' });
  }

  // Closes these clocks, where still open, answered or stopped by what their owner recorded (a school clock that
  // is no case's, kept by id: a personal-data breach notified to the authority).
  async closeClocks(tx: EntityManager, ids: string[], now: Date, closedAs: ClosedAs): Promise<void> {
    const open = await tx
      .getRepository(Deadline)
      .find({ where: { id: In(ids), closedAt: IsNull() }, select: { id: true } });
    if (open.length)
      await this.close(
        tx,
        open.map((d) => d.id),
        now,
        closedAs,
      );
  }

  // Closes the open deadline of these kinds that falls due first (a follow-up contact answers one follow-up
  // clock); its kind, or null when none is open.
  async closeEarliest(tx: EntityManager, caseId: string, kinds: string[], now: Date): Promise<string | null> {
    const [first] = await this.openOfKinds(tx, caseId, kinds);
    if (!first) return null;
    await this.close(tx, [first.id], now, 'satisfied');
    return first.kind;
  }

  // The kinds among these still open on the case, earliest due first.
  async openKinds(tx: EntityManager, caseId: string, kinds: string[]): Promise<string[]> {
    return (await this.openOfKinds(tx, caseId, kinds)).map((d) => d.kind);
  }

  // Closes every open deadline of these kinds as stopped early (the reason is the event's); the kinds closed.
  async stopOpen(tx: EntityManager, caseId: string, kinds: string[], now: Date): Promise<string[]> {
    const open = await this.openOfKinds(tx, caseId, kinds);
    if (open.length)
      await this.close(
        tx,
        open.map((d) => d.id),
        now,
        'stopped',
      );
    return open.map((d) => d.kind);
  }

  private openOfKinds(tx: EntityManager, caseId: string, kinds: string[]): Promise<Pick<Deadline, 'id' | 'kind'>[]> {
    return tx.getRepository(Deadline).find({
      where: { caseId, closedAt: IsNull(), kind: In(kinds) },
      order: { dueAt: 'ASC', id: 'ASC' },
      select: { id: true, kind: true },
    });
  }

  async open(tx: EntityManager, d: NewDeadline): Promise<Deadline> {
    this.changed.add(tx);
    const row = tx.getRepository(Deadline).create({
      schoolId: d.schoolId,
      caseId: d.caseId,
      kind: d.kind,
      label: d.label,
      labelEn: d.labelEn,
      state: d.state,
      startedAt: d.startedAt,
      dueAt: d.dueAt,
      rule: d.rule ?? 'default',
      escalateTo: d.escalateTo,
      repeatDays: d.repeatDays,
      pausedAt: d.pausedAt ?? null,
      closedAt: null,
      closedAs: null,
      clock: 'calendarDays' in d.due ? 'calendar' : 'working',
      createdAt: d.recordedAt ?? d.startedAt,
    });
    await tx.getRepository(Deadline).insert(row);
    const status = d.pausedAt ? ('paused' as const) : ('pending' as const);
    const levels = (d.rungs ?? this.ladder(d)).map(({ level, dueAt }) => ({
      deadlineId: row.id,
      level,
      dueAt,
      status,
      firedAt: null,
    }));
    if (levels.length) await tx.getRepository(DeadlineLevel).insert(levels);
    return row;
  }

  // The schools among these that have no school clock (one without a case) of this kind due at this time.
  async schoolsWithoutClock(tx: EntityManager, schoolIds: string[], kind: string, dueAt: Date): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT s.id FROM unnest($1::uuid[]) AS s(id)
        WHERE NOT EXISTS (SELECT 1 FROM deadline d WHERE d.case_id IS NULL AND d.school_id = s.id AND d.kind = $2 AND d.due_at = $3)`,
      [schoolIds, kind, dueAt],
    );
    return rows.map((r) => r.id);
  }

  // Closes a school's open clocks of this kind (a report submitted); answers how many.
  async closeSchoolClocks(tx: EntityManager, schoolId: string, kind: string, now: Date): Promise<number> {
    const open = await tx
      .getRepository(Deadline)
      .find({ where: { schoolId, kind, caseId: IsNull(), closedAt: IsNull() }, select: { id: true } });
    if (open.length)
      await this.close(
        tx,
        open.map((d) => d.id),
        now,
      );
    return open.length;
  }

  // Paused clocks raise nothing: their rungs leave the sweep's index until resumed.
  async pause(tx: EntityManager, caseId: string, now: Date): Promise<void> {
    const open = await tx
      .getRepository(Deadline)
      .find({ where: { caseId, closedAt: IsNull(), pausedAt: IsNull() }, select: { id: true } });
    if (open.length === 0) return;
    const ids = open.map((d) => d.id);
    this.changed.add(tx);
    await tx.getRepository(Deadline).update({ id: In(ids) }, { pausedAt: now });
    await tx.getRepository(DeadlineLevel).update({ deadlineId: In(ids), status: 'pending' }, { status: 'paused' });
  }

  // Paused time does not count: every due time moves by exactly the paused working time (working clocks)
  // or the paused time (calendar clocks).
  async resume(tx: EntityManager, caseId: string, now: Date): Promise<{ pausedWorkingMs: number }> {
    this.changed.add(tx);
    const paused = await tx.getRepository(Deadline).find({ where: { caseId, closedAt: IsNull() } });
    let pausedWorkingMs = 0;
    for (const d of paused.filter((x) => x.pausedAt)) {
      const since = d.pausedAt as Date;
      const working = this.calendar.workingMsBetween(since, now);
      pausedWorkingMs = Math.max(pausedWorkingMs, working);
      const shift = (t: Date) =>
        d.clock === 'working'
          ? this.calendar.addWorkingMs(t, working)
          : new Date(t.getTime() + (now.getTime() - since.getTime()));
      await tx.getRepository(Deadline).update({ id: d.id }, { dueAt: shift(d.dueAt), pausedAt: null });
      for (const l of await tx.getRepository(DeadlineLevel).find({ where: { deadlineId: d.id, status: 'paused' } })) {
        await tx
          .getRepository(DeadlineLevel)
          .update({ deadlineId: d.id, level: l.level }, { dueAt: shift(l.dueAt), status: 'pending' });
      }
    }
    return { pausedWorkingMs };
  }

  // DOMAIN.md's ladder: reminder a working day before, overdue at the due time, then the principal and the
  // ward officer after their thresholds, each only where the deadline escalates that far.
  ladder(
    d: Pick<NewDeadline, 'startedAt' | 'dueAt' | 'due' | 'escalateTo' | 'principalAfter' | 'wardAfter'>,
  ): { level: Level; dueAt: Date }[] {
    const rungs: { level: Level; dueAt: Date }[] = [];
    const lead = this.policy.reminderBeforeWorkingDays;
    const reminder =
      'workingDays' in d.due && d.due.workingDays > lead
        ? this.calendar.addWorkingDays(d.startedAt, d.due.workingDays - lead)
        : 'calendarDays' in d.due && d.due.calendarDays > lead
          ? new Date(d.dueAt.getTime() - lead * DAY_MS)
          : null;
    if (reminder && reminder > d.startedAt && reminder < d.dueAt) rungs.push({ level: 'reminder', dueAt: reminder });
    rungs.push({ level: 'overdue', dueAt: d.dueAt });
    if (d.escalateTo.includes('principal')) {
      rungs.push({
        level: 'principal',
        dueAt: this.dueAfter(d.dueAt, d.principalAfter ?? { workingDays: this.policy.principalAfterWorkingDays }),
      });
    }
    if (d.escalateTo.includes('ward_officer')) {
      rungs.push({
        level: 'ward',
        dueAt: this.dueAfter(d.dueAt, d.wardAfter ?? { workingDays: this.policy.wardAfterWorkingDays }),
      });
    }
    return rungs;
  }

  // Open deadlines of these cases, with the highest rung reached so far: one statement, the fired rungs with each.
  async openOf(caseIds: string[], now: Date, tx?: EntityManager): Promise<Map<string, DeadlineView[]>> {
    const result = new Map<string, DeadlineView[]>();
    if (caseIds.length === 0) return result;
    const rows: OpenClockRow[] = await (tx ?? this.source.manager).query(OPEN_OF_SQL, [caseIds]);
    for (const d of rows) result.set(d.case_id, [...(result.get(d.case_id) ?? []), ...this.viewsOf([d], now)]);
    return result;
  }

  // Open clocks as a case's view shows them at `now`, in the order read.
  viewsOf(rows: OpenClockRow[], now: Date): DeadlineView[] {
    return rows.map((d) => {
      const dueAt = new Date(d.due_at);
      const pausedAt = d.paused_at === null ? null : new Date(d.paused_at);
      return {
        id: d.id,
        kind: d.kind,
        label: d.label,
        dueAt: dueAt.toISOString(),
        startedAt: new Date(d.started_at).toISOString(),
        rule: d.rule,
        level: [...LEVELS].reverse().find((l) => d.fired.includes(l)) ?? null,
        paused: pausedAt !== null,
        remainingWorkingMs: pausedAt
          ? this.calendar.workingMsBetween(pausedAt, dueAt)
          : dueAt > now
            ? this.calendar.workingMsBetween(now, dueAt)
            : 0,
      };
    });
  }

  // Whether this transaction has opened, closed, moved, paused or resumed any clock: until it has, clocks read
  // earlier in it still stand.
  changedIn(tx: EntityManager): boolean {
    return this.changed.has(tx);
  }
}

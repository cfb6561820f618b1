import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WorkingCalendar } from '@dh/calendar';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { UserService } from '@dh/identity';
import type { EscalationTarget } from '@dh/machines/case/types';
import { alertText } from './alert-text';
import { BeforeSweepHooks } from './before-sweep-hooks';
import { CaseFactsPort } from './case-facts';
import { Level } from './deadline.entity';
import { DeadlineService } from './deadline.service';
import { recipientsOf } from './recipients';

type DueRung = {
  deadline_id: string;
  level: Level;
  school_id: string;
  case_id: string | null;
  kind: string;
  label: string;
  label_en: string;
  state: string | null;
  deadline_due: Date;
  escalate_to: EscalationTarget[];
  repeat_days: number | null;
};

export type SweepResult = { rungs: number; alerts: number; batches: number };

@Injectable()
export class EscalationSweepService {
  private readonly logger = new Logger(EscalationSweepService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
    private readonly deadlines: DeadlineService,
    private readonly beforeSweep: BeforeSweepHooks,
    private readonly users: UserService,
    private readonly cases: CaseFactsPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Raises every rung that fell due, in batches, until none is left: after downtime the first sweep catches up.
  async sweepOnce(batchSize = 500): Promise<SweepResult> {
    const now = this.clock.now();
    // What must exist first (each school's report clocks for the running school year) is made before anything is raised.
    await this.beforeSweep.run(now);
    const total: SweepResult = { rungs: 0, alerts: 0, batches: 0 };
    for (;;) {
      const { rungs, alerts } = await inTransaction(this.source, (tx) => this.sweepBatch(tx, now, batchSize));
      if (rungs === 0) break;
      total.rungs += rungs;
      total.alerts += alerts;
      total.batches += 1;
      if (rungs < batchSize) break;
    }
    if (total.rungs) this.logger.log({ msg: 'escalation sweep', ...total });
    return total;
  }

  // SKIP LOCKED: several instances sweep at once, each taking rungs no other holds. A rung is marked fired
  // in the same transaction that writes its alerts, so a sweep killed half-way leaves it pending for the next.
  private async sweepBatch(
    tx: EntityManager,
    now: Date,
    batchSize: number,
  ): Promise<{ rungs: number; alerts: number }> {
    const due: DueRung[] = await tx.query(
      `SELECT l.deadline_id, l.level, d.school_id, d.case_id, d.kind, d.label, d.label_en, d.state, d.due_at AS deadline_due,
              d.escalate_to, d.repeat_days
         FROM deadline_level l
         JOIN deadline d ON d.id = l.deadline_id
        WHERE l.status = 'pending' AND l.due_at <= $1
        ORDER BY l.due_at
        LIMIT $2
        FOR UPDATE OF l SKIP LOCKED`,
      [now, batchSize],
    );
    if (due.length === 0) return { rungs: 0, alerts: 0 };
    // The batch's schools and cases, one query each: their tables belong to identity and cases.
    const schoolIds = [...new Set(due.map((r) => r.school_id))];
    const people = await this.users.peopleOfSchools(tx, schoolIds);
    const schoolNames = await this.users.schoolNames(tx, schoolIds);
    const cases = await this.cases.factsOf(tx, [...new Set(due.flatMap((r) => (r.case_id ? [r.case_id] : [])))]);
    const rows: [string, string, string | null, string, string, string, string][] = [];
    for (const r of due) {
      const c = r.case_id ? cases.get(r.case_id) : undefined;
      const to = recipientsOf(
        {
          level: r.level,
          caseId: r.case_id,
          assigneeId: c?.assigneeId ?? null,
          critical: c?.riskLevel === 'critical',
          escalateTo: r.escalate_to,
        },
        people.get(r.school_id) as NonNullable<ReturnType<typeof people.get>>,
      );
      const { reason, reasonEn } = alertText({
        level: r.level,
        label: r.label,
        labelEn: r.label_en,
        schoolName: schoolNames.get(r.school_id) ?? '',
        caseCode: c?.code ?? null,
        dueAt: r.deadline_due,
        workingDaysLate: this.calendar.workingDaysBetween(r.deadline_due, now),
        timeZone: this.config.tzName,
        firedAt: now,
      });
      for (const recipient of to)
        rows.push([recipient, r.school_id, r.case_id, r.deadline_id, r.level, reason, reasonEn]);
    }
    const alerts = await this.insertAlerts(tx, rows, now);
    await tx.query(
      `UPDATE deadline_level l SET status = 'fired', fired_at = $1
         FROM unnest($2::uuid[], $3::text[]) AS f(deadline_id, level)
        WHERE l.deadline_id = f.deadline_id AND l.level = f.level`,
      [now, due.map((r) => r.deadline_id), due.map((r) => r.level)],
    );
    await this.repeat(
      tx,
      due.filter((r) => r.level === 'overdue' && r.repeat_days),
      now,
    );
    return { rungs: due.length, alerts };
  }

  private async insertAlerts(
    tx: EntityManager,
    rows: [string, string, string | null, string, string, string, string][],
    now: Date,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const col = (i: number) => rows.map((r) => r[i]);
    // The unique (deadline, level, recipient) index is the last word on "exactly once".
    const inserted: { id: string; recipient_id: string; reason: string }[] = await tx.query(
      `INSERT INTO alert (recipient_id, school_id, case_id, deadline_id, level, reason, reason_en, created_at)
       SELECT *, $8::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (deadline_id, level, recipient_id) WHERE deadline_id IS NOT NULL DO NOTHING
       RETURNING id, recipient_id, reason`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), now],
    );
    if (inserted.length) {
      await tx.query(
        `INSERT INTO alert_outbox (alert_id, channel, recipient, subject, body, created_at)
         SELECT a, 'default', r, 'Đồng Hành: cảnh báo hồ sơ', b, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(a, r, b)`,
        [inserted.map((i) => i.id), inserted.map((i) => i.recipient_id), inserted.map((i) => i.reason), now],
      );
    }
    return inserted.length;
  }

  // "Review every 30 days" runs as long as the case stays: when one period falls due, the next one starts.
  private async repeat(tx: EntityManager, rungs: DueRung[], now: Date): Promise<void> {
    for (const r of rungs) {
      await tx.query(`UPDATE deadline SET closed_at = $2 WHERE id = $1`, [r.deadline_id, now]);
      const due = { calendarDays: r.repeat_days as number };
      await this.deadlines.open(tx, {
        schoolId: r.school_id,
        caseId: r.case_id,
        kind: r.kind,
        label: r.label,
        labelEn: r.label_en,
        state: r.state,
        startedAt: r.deadline_due,
        dueAt: this.deadlines.dueAfter(r.deadline_due, due),
        due,
        escalateTo: r.escalate_to,
        repeatDays: r.repeat_days,
        pausedAt: null,
      });
    }
  }
}

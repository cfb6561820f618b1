import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocalTime } from '@dh/calendar';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { BeforeSweepHooks, DeadlineService, REPORT_DEADLINE_KINDS, ReportKind } from '@dh/escalations';
import { UserService } from '@dh/identity';

// A report the school owes this school year: due when, and when its clock was closed by a submission (null: not yet,
// or its clock was never opened because the school joined after the date).
export type ReportPeriod = { kind: ReportKind; dueAt: string; submittedAt: string | null; hasClock: boolean };

const REPORTS: Record<ReportKind, { month: number; day: number; yearOffset: number; label: string; labelEn: string }> =
  {
    report_semester1: {
      month: 1,
      day: 15,
      yearOffset: 1,
      label: 'Nộp báo cáo sơ kết học kỳ I',
      labelEn: 'Semester I report',
    },
    report_year: {
      month: 5,
      day: 15,
      yearOffset: 1,
      label: 'Nộp báo cáo tổng kết năm học',
      labelEn: 'School-year report',
    },
  };

// Due at the end of the working day, 17:00 local time.
const dueInstant = (year: number, month: number, day: number, timeZone: string): Date =>
  new LocalTime(timeZone).at(
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    17 * 3600_000,
  );

// When a school's report of the school year starting in `startYear` is due.
export const reportDueAt = (kind: ReportKind, startYear: number, timeZone: string): Date => {
  const r = REPORTS[kind];
  return dueInstant(startYear + r.yearOffset, r.month, r.day, timeZone);
};

// A school year runs September to May: in its course each school owes the ward two reports (DOMAIN.md).
export const schoolYearOf = (now: Date, timeZone: string): number => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number);
  return m >= 8 ? y : y - 1;
};

@Injectable()
export class ReportClockService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly beforeSweep: BeforeSweepHooks,
  ) {}

  // Each school's report clocks for the running school year exist before the sweep raises anything.
  onModuleInit(): void {
    this.beforeSweep.register((now) => this.ensureForSchoolYear(schoolYearOf(now, this.config.tzName), now));
  }

  // Idempotent and safe on every instance at once: an advisory lock serialises the check-then-insert.
  async ensureForSchoolYear(startYear: number, now: Date): Promise<number> {
    return inTransaction(this.source, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:report-clock'))`);
      let created = 0;
      const schoolIds = await this.users.schoolIds(tx);
      for (const kind of REPORT_DEADLINE_KINDS) {
        const r = REPORTS[kind];
        const dueAt = dueInstant(startYear + r.yearOffset, r.month, r.day, this.config.tzName);
        // A school that joins after a report's date owes no clock for it.
        if (dueAt <= now) continue;
        for (const id of await this.deadlines.schoolsWithoutClock(tx, schoolIds, kind, dueAt)) {
          const days = Math.max(1, Math.floor((dueAt.getTime() - now.getTime()) / 86400000));
          await this.deadlines.open(tx, {
            schoolId: id,
            caseId: null,
            kind,
            label: r.label,
            labelEn: r.labelEn,
            state: null,
            startedAt: now,
            dueAt,
            due: { calendarDays: days },
            escalateTo: ['ward_officer'],
            repeatDays: null,
          });
          created += 1;
        }
      }
      return created;
    });
  }

  // A submitted report (ReportService.submit) closes the school's clock for it.
  async markSubmitted(tx: EntityManager, schoolId: string, kind: ReportKind, now: Date): Promise<number> {
    return this.deadlines.closeSchoolClocks(tx, schoolId, kind, now);
  }

  // The school's two reports of the school year that starts in `startYear`, in order of their dates.
  async periods(schoolId: string, startYear: number): Promise<ReportPeriod[]> {
    return Promise.all(
      REPORT_DEADLINE_KINDS.map(async (kind) => {
        const r = REPORTS[kind];
        const dueAt = dueInstant(startYear + r.yearOffset, r.month, r.day, this.config.tzName);
        const rows: { closed_at: Date | null }[] = await this.source.query(
          `SELECT closed_at FROM deadline WHERE case_id IS NULL AND school_id = $1 AND kind = $2 AND due_at = $3
            ORDER BY closed_at DESC NULLS FIRST LIMIT 1`,
          [schoolId, kind, dueAt],
        );
        return {
          kind,
          dueAt: dueAt.toISOString(),
          submittedAt: rows[0]?.closed_at ? new Date(rows[0].closed_at).toISOString() : null,
          hasClock: rows.length > 0,
        };
      }),
    );
  }
}

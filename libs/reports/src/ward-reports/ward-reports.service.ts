import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocalTime, WorkingCalendar } from '@dh/calendar';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { Caller, wardFor } from '@dh/identity';
import { reportDueAt } from '../report-clock.service';
import type { WardDocument } from '../report-export/report-document';
import { reportPeriod } from '../report-figures';
import type { ReportContentFigures } from '../report/report-content';
import { figuresForWard } from '../report/ward-suppression';
import { sumFigures } from './sum-figures';

export type PeriodKind = 'semester_1' | 'school_year';
// Where a school stands with one report: not started, a draft (returned: sent back by the ward), sent, accepted.
export type SchoolReportStatus = 'not_started' | 'draft' | 'returned' | 'submitted' | 'accepted';
export type SchoolReportLine = {
  schoolId: string;
  code: string;
  name: string;
  reportId: string | null;
  status: SchoolReportStatus;
  // The first submission: a report returned and sent again was on time if its first sending was.
  firstSubmittedAt: string | null;
  late: boolean;
  workingDaysLate: number;
  // The anchor its last submission carried: the ward holds it to verify the school's case chains later.
  anchorDigest: string | null;
};
export type WardReportStatus = {
  schoolYear: string;
  kind: PeriodKind;
  dueAt: string;
  schools: SchoolReportLine[];
  // The accepted reports summed, suppressed as anything that leaves a school.
  rollUp: { reports: number; figures: Record<string, unknown> | null };
};
export type ReviewYear = {
  schoolYear: string;
  reports: number;
  figures: Record<string, unknown> | null;
  schools: { schoolId: string; name: string; figures: Record<string, unknown> }[];
};
export type WardReview = { from: number; to: number; years: ReviewYear[] };

type Row = {
  school_id: string;
  code: string;
  name: string;
  report_id: string | null;
  status: 'draft' | 'submitted' | 'accepted' | null;
  figures: ReportContentFigures | null;
  anchor_digest: string | null;
  first_submitted: Date | null;
  returned: boolean;
};

const ROWS_SQL = `
  SELECT s.id AS school_id, s.code, s.name, r.id AS report_id, r.status, r.figures, r.anchor_digest,
         (SELECT min(e.at) FROM report_event e WHERE e.report_id = r.id AND e.kind = 'submitted') AS first_submitted,
         EXISTS (SELECT 1 FROM report_event e WHERE e.report_id = r.id AND e.kind = 'returned') AS returned
    FROM school s LEFT JOIN report r ON r.school_id = s.id AND r.kind = $2 AND r.school_year = $3
   WHERE s.ward_id = $1 ORDER BY s.name, s.id`;

// The ward officer's view of the ward's reports: who sent what and when, and the accepted reports together.
@Injectable()
export class WardReportsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(caller: Caller, schoolYear: string, kind: PeriodKind): Promise<WardReportStatus> {
    const wardId = this.wardOf(caller);
    const rows: Row[] = wardId ? await this.source.query(ROWS_SQL, [wardId, kind, schoolYear]) : [];
    const dueAt = reportDueAt(
      kind === 'semester_1' ? 'report_semester1' : 'report_year',
      Number(schoolYear.slice(0, 4)),
      this.config.tzName,
    );
    const now = this.clock.now();
    const schools = rows.map((r): SchoolReportLine => {
      const sentAt = r.first_submitted ? new Date(r.first_submitted) : null;
      const until = sentAt ?? now;
      const late = until > dueAt;
      return {
        schoolId: r.school_id,
        code: r.code,
        name: r.name,
        reportId: r.report_id,
        status: !r.status ? 'not_started' : r.status === 'draft' && r.returned ? 'returned' : r.status,
        firstSubmittedAt: sentAt?.toISOString() ?? null,
        late,
        workingDaysLate: late ? this.calendar.workingDaysBetween(dueAt, until) : 0,
        anchorDigest: r.anchor_digest,
      };
    });
    const accepted = rows.filter((r) => r.status === 'accepted' && r.figures).map((r) => r.figures!);
    return { schoolYear, kind, dueAt: dueAt.toISOString(), schools, rollUp: this.rollUp(accepted) };
  }

  // The roll-up as its workbook prints it.
  async document(caller: Caller, schoolYear: string, kind: PeriodKind): Promise<WardDocument> {
    const status = await this.status(caller, schoolYear, kind);
    const wardId = this.wardOf(caller);
    const [ward]: { name: string }[] = wardId
      ? await this.source.query(`SELECT name FROM ward WHERE id = $1`, [wardId])
      : [];
    const period = reportPeriod(kind, schoolYear, this.config.tzName);
    const local = new LocalTime(this.config.tzName);
    return {
      kind,
      schoolYear,
      ward: ward?.name ?? '',
      from: local.of(period.from).date,
      to: local.of(period.to).date,
      generatedAt: this.clock.now().toISOString(),
      reports: status.rollUp.reports,
      figures: status.rollUp.figures,
      schools: status.schools,
    };
  }

  // The mid-term (2028) and final (2030) reviews read the accepted school-year reports, year by year.
  async review(caller: Caller, from: number, to: number): Promise<WardReview> {
    const wardId = this.wardOf(caller);
    const years: ReviewYear[] = [];
    for (let y = from; y <= to; y += 1) {
      const schoolYear = `${y}-${y + 1}`;
      const rows: Row[] = wardId ? await this.source.query(ROWS_SQL, [wardId, 'school_year', schoolYear]) : [];
      const accepted = rows.filter((r) => r.status === 'accepted' && r.figures);
      const { reports, figures } = this.rollUp(accepted.map((r) => r.figures!));
      years.push({
        schoolYear,
        reports,
        figures,
        schools: accepted.map((r) => ({ schoolId: r.school_id, name: r.name, figures: figuresForWard(r.figures!) })),
      });
    }
    return { from, to, years };
  }

  private rollUp(all: ReportContentFigures[]): WardReportStatus['rollUp'] {
    const sum = sumFigures(all);
    return { reports: all.length, figures: sum ? figuresForWard(sum) : null };
  }

  private wardOf(caller: Caller): string | null {
    return wardFor(caller, 'report.review', 'ward');
  }
}

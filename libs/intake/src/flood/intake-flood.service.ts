import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseTriageService } from '@dh/cases';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { AlertService } from '@dh/escalations';

export const FLOOD_ALERT_LEVEL = 'public_intake_flood';

// The school's row in intake_flood: the running flood ("episode") and the summary alerts it keeps up to date.
type FloodRow = {
  school_id: string;
  started_at: Date | null;
  last_at: Date | null;
  reports: number;
  urgent: number;
  alert_ids: string[];
};

export type Admission = { bulkTriage: boolean; flood: FloodRow };

// A real report from a child is never dropped: past the school's rate (config intakeFlood: more than N public
// reports within M minutes) a report is still opened as a case, but marked for bulk triage and counted in one
// summary alert per supervisor instead of raising its own. The summary is raised by the first marked report and
// reworded by each next one while the flood lasts (a marked report within M minutes of the last) and someone
// has yet to answer it; after that the next marked report raises a new one. Raised inside the report's own
// transaction, it is never late and never counts a report that was rolled back.
@Injectable()
export class IntakeFloodService {
  private readonly logger = new Logger(IntakeFloodService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alerts: AlertService,
    private readonly triage: CaseTriageService,
  ) {}

  // First thing in the report's transaction: takes the school's row lock, which orders the school's public
  // reports on every instance until commit, then counts its public reports within the window.
  async admit(tx: EntityManager, schoolId: string, now: Date): Promise<Admission> {
    const [flood]: FloodRow[] = await tx.query(
      `INSERT INTO intake_flood (school_id) VALUES ($1) ON CONFLICT (school_id) DO UPDATE SET school_id = EXCLUDED.school_id RETURNING *`,
      [schoolId],
    );
    const n = await this.triage.publicReportsSince(tx, schoolId, new Date(now.getTime() - this.windowMs()));
    return { bulkTriage: n >= this.config.intakeFlood.reports, flood };
  }

  // A marked report, after its case was written: counted in the running summary, or the first of a new one.
  async summarise(tx: EntityManager, flood: FloodRow, urgent: boolean, now: Date): Promise<void> {
    const schoolId = flood.school_id;
    const running =
      flood.last_at !== null && flood.started_at !== null && now.getTime() - flood.last_at.getTime() < this.windowMs();
    if (running && flood.alert_ids.length > 0) {
      const next = {
        reports: flood.reports + 1,
        urgent: flood.urgent + (urgent ? 1 : 0),
        startedAt: flood.started_at as Date,
      };
      if ((await this.alerts.rewordUnanswered(tx, flood.alert_ids, schoolId, this.text(next, now))) > 0) {
        await tx.query(`UPDATE intake_flood SET last_at = $2, reports = $3, urgent = $4 WHERE school_id = $1`, [
          schoolId,
          now,
          next.reports,
          next.urgent,
        ]);
        return;
      }
    }
    const first = { reports: 1, urgent: urgent ? 1 : 0, startedAt: now };
    const ids = await this.alerts.raiseForSchool(tx, schoolId, null, now, {
      level: FLOOD_ALERT_LEVEL,
      to: ['supervisors'],
      subject: 'Đồng Hành: tin báo trực tuyến dồn dập',
      text: this.text(first, now),
    });
    await tx.query(
      `UPDATE intake_flood SET started_at = $2, last_at = $2, reports = $3, urgent = $4, alert_ids = $5 WHERE school_id = $1`,
      [schoolId, now, first.reports, first.urgent, ids],
    );
    this.logger.warn({ msg: 'public intake: flood, reports marked for bulk triage', schoolId });
  }

  private windowMs(): number {
    return this.config.intakeFlood.minutes * 60_000;
  }

  private text(s: { reports: number; urgent: number; startedAt: Date }, now: Date) {
    const { reports: limit, minutes: window } = this.config.intakeFlood;
    const minutes = Math.max(1, Math.ceil((now.getTime() - s.startedAt.getTime()) / 60_000));
    const urgentVi = s.urgent > 0 ? ` (trong đó ${s.urgent} tin người báo cho biết đang gặp nguy hiểm)` : '';
    const urgentEn = s.urgent > 0 ? ` (${s.urgent} of them say the reporter is in danger)` : '';
    return (school: string): [string, string] => [
      `Tin báo trực tuyến dồn dập: ${s.reports} tin báo mới trong ${minutes} phút${urgentVi}, vượt ngưỡng ${limit} tin trong ${window} phút; ` +
        `các tin này được lưu và đánh dấu chờ phân loại hàng loạt — ${school}`,
      `Flood of online reports: ${s.reports} new reports in ${minutes} minutes${urgentEn}, past ${limit} in ${window} minutes; ` +
        `they are kept and marked for bulk triage — ${school}`,
    ];
  }
}

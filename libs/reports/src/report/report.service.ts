import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { LocalTime } from '@dh/calendar';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction, isUniqueViolation } from '@dh/database';
import { InputValidationException, Page } from '@dh/errors';
import { Action, assertAllowed, Caller, chainActor, decide, schoolNotFound } from '@dh/identity';
import { FiguresPeriod, ReportFiguresService, reportPeriod } from '../report-figures';
import { ReportClockService } from '../report-clock.service';
import { ReportsException, ReportsExceptionCode } from '../reports.exception';
import { anchorDigestOf, captureAnchor } from './report-anchor';
import { contentDigestOf, emptyTexts, ReportContent, ReportTexts, REPORT_SECTIONS } from './report-content';
import { Report, ReportEvent, ReportEventKind } from './report.entity';
import { ReportView } from './report-view';
import { schoolRecordFigures } from './school-record-figures';
import { figuresForWard } from './ward-suppression';
import type { ReportDocument } from '../report-export/report-document';
import type { CreateReportDto, ListReportsDto, ReportTextsDto } from './dtos/report.dto';

const { REPORT_NOT_FOUND, REPORT_EXISTS, REPORT_NOT_DRAFT, REPORT_NOT_SUBMITTED, STALE_REPORT } = ReportsExceptionCode;
const notFound = () => new ReportsException(REPORT_NOT_FOUND);
// The school clock a submission stops; an incident report has none.
const CLOCK_OF = { semester_1: 'report_semester1', school_year: 'report_year' } as const;

type Place = { schoolName: string; wardId: string };

// A school's report to the ward, draft to accepted. Every step is one transaction: the row, its history and an
// event of the admin chain with the content's digest, or nothing.
@Injectable()
export class ReportService {
  private readonly local: LocalTime;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly figures: ReportFiguresService,
    private readonly reportClock: ReportClockService,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  create(caller: Caller, dto: CreateReportDto): Promise<ReportView> {
    return inTransaction(this.source, async (tx) => {
      const place = await this.place(tx, dto.schoolId);
      if (!place) throw schoolNotFound();
      assertAllowed(caller, 'report.draft', dto.schoolId, schoolNotFound, place);
      const incident = dto.incident ? await this.incidentOf(tx, dto.schoolId, dto.incident) : null;
      const now = this.clock.now();
      const report = tx.getRepository(Report).create({
        schoolId: dto.schoolId,
        kind: dto.kind,
        schoolYear: dto.schoolYear,
        incidentCaseId: incident?.caseId ?? null,
        incidentSummary: incident?.summary ?? null,
        status: 'draft',
        figures: await this.count(tx, dto.schoolId, dto.kind, dto.schoolYear, now),
        figuresAt: now,
        texts: emptyTexts(),
        version: 1,
        createdBy: caller.id,
        createdAt: now,
        anchor: null,
        anchorDigest: null,
        submittedAt: null,
        submittedBy: null,
        acceptedAt: null,
        acceptedBy: null,
      });
      report.contentDigest = contentDigestOf(this.contentOf(report));
      try {
        await tx.getRepository(Report).insert(report);
      } catch (e) {
        throw isUniqueViolation(e) ? new ReportsException(REPORT_EXISTS) : e;
      }
      await this.record(tx, caller, report, 'created');
      return this.viewOf(tx, caller, report, place);
    });
  }

  async list(caller: Caller, q: ListReportsDto): Promise<Page<ReportView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return inTransaction(this.source, async (tx) => {
      // The reports of the schools the caller is in or whose ward they serve, then each as mayRead decides.
      const rows: (Report & Place)[] = [];
      const candidates = await tx
        .getRepository(Report)
        .createQueryBuilder('r')
        .where('r.school_id IN (SELECT id FROM school WHERE id = ANY(:ids) OR ward_id = :wardId)', {
          ids: caller.schoolIds,
          wardId: caller.wardId,
        })
        .andWhere(q.schoolId ? 'r.school_id = :schoolId' : '1=1', { schoolId: q.schoolId })
        .andWhere(q.schoolYear ? 'r.school_year = :schoolYear' : '1=1', { schoolYear: q.schoolYear })
        .andWhere(q.kind ? 'r.kind = :kind' : '1=1', { kind: q.kind })
        .andWhere(q.status ? 'r.status = :status' : '1=1', { status: q.status })
        .orderBy('r.school_year', 'DESC')
        .addOrderBy('r.created_at', 'DESC')
        .getMany();
      for (const r of candidates) {
        const place = await this.place(tx, r.schoolId);
        if (place && (await this.mayRead(tx, caller, r, place))) rows.push(Object.assign(r, place));
      }
      const items = await Promise.all(
        rows.slice((page - 1) * pageSize, page * pageSize).map((r) => this.viewOf(tx, caller, r, r)),
      );
      return { items, total: rows.length, page, pageSize };
    });
  }

  get(caller: Caller, id: string): Promise<ReportView> {
    return inTransaction(this.source, async (tx) => {
      const { report, place } = await this.reach(tx, caller, id, null);
      return this.viewOf(tx, caller, report, place);
    });
  }

  updateTexts(caller: Caller, id: string, version: number, texts: ReportTextsDto): Promise<ReportView> {
    return this.draftStep(caller, id, version, 'report.draft', 'edited', async (_tx, report) => {
      const next: ReportTexts = { ...report.texts };
      for (const s of REPORT_SECTIONS) next[s] = texts[s] ?? next[s];
      report.texts = next;
    });
  }

  refresh(caller: Caller, id: string, version: number): Promise<ReportView> {
    return this.draftStep(caller, id, version, 'report.draft', 'refreshed', async (tx, report) => {
      const now = this.clock.now();
      report.figures = await this.count(tx, report.schoolId, report.kind, report.schoolYear, now);
      report.figuresAt = now;
    });
  }

  // The principal sends it: it freezes, its clock stops, and the heads of the school's case chains are anchored.
  submit(caller: Caller, id: string, version: number): Promise<ReportView> {
    return this.draftStep(caller, id, version, 'report.submit', 'submitted', async (tx, report) => {
      const now = this.clock.now();
      report.status = 'submitted';
      report.submittedAt = now;
      report.submittedBy = caller.id;
      report.anchor = await captureAnchor(tx, report.schoolId, now);
      report.anchorDigest = anchorDigestOf(report.anchor);
      if (report.kind !== 'incident')
        await this.reportClock.markSubmitted(tx, report.schoolId, CLOCK_OF[report.kind], now);
    });
  }

  // Back to the school with a reason: a draft again; the clock stays stopped, the submission stays in the history.
  returnToSchool(caller: Caller, id: string, version: number, reason: string): Promise<ReportView> {
    return this.reviewStep(caller, id, version, 'returned', reason, (report) => {
      report.status = 'draft';
      report.submittedAt = null;
      report.submittedBy = null;
    });
  }

  accept(caller: Caller, id: string, version: number): Promise<ReportView> {
    return this.reviewStep(caller, id, version, 'accepted', null, (report) => {
      report.status = 'accepted';
      report.acceptedAt = this.clock.now();
      report.acceptedBy = caller.id;
    });
  }

  // The report as an export prints it: counts suppressed whoever downloads, since the file leaves the school.
  exportDocument(caller: Caller, id: string): Promise<ReportDocument> {
    return inTransaction(this.source, async (tx) => {
      const { report: r, place } = await this.reach(tx, caller, id, null);
      const [ward]: { name: string }[] = await tx.query(`SELECT name FROM ward WHERE id = $1`, [place.wardId]);
      const period = this.periodOf(r.kind, r.schoolYear, r.figuresAt);
      const now = this.clock.now();
      return {
        kind: r.kind,
        schoolYear: r.schoolYear,
        school: place.schoolName,
        ward: ward?.name ?? '',
        status: r.status,
        from: this.local.of(period.from).date,
        to: this.local.of(period.to).date,
        figures: figuresForWard(r.figures),
        texts: r.texts,
        incidentSummary: r.incidentSummary,
        anchorDigest: r.anchorDigest,
        anchoredChains: r.anchor?.chains.length ?? 0,
        signedOn: this.local.of(r.submittedAt ?? now).date,
        generatedAt: now.toISOString(),
      };
    });
  }

  private draftStep(
    caller: Caller,
    id: string,
    version: number,
    action: Action,
    kind: ReportEventKind,
    change: (tx: EntityManager, report: Report) => Promise<void>,
  ): Promise<ReportView> {
    return inTransaction(this.source, async (tx) => {
      const { report, place } = await this.reach(tx, caller, id, action);
      if (report.status !== 'draft') throw new ReportsException(REPORT_NOT_DRAFT);
      if (report.version !== version) throw new ReportsException(STALE_REPORT);
      await change(tx, report);
      return this.save(tx, caller, report, place, kind, null);
    });
  }

  private reviewStep(
    caller: Caller,
    id: string,
    version: number,
    kind: ReportEventKind,
    reason: string | null,
    change: (report: Report) => void,
  ): Promise<ReportView> {
    return inTransaction(this.source, async (tx) => {
      const { report, place } = await this.reach(tx, caller, id, 'report.review');
      if (report.status !== 'submitted') throw new ReportsException(REPORT_NOT_SUBMITTED);
      if (report.version !== version) throw new ReportsException(STALE_REPORT);
      change(report);
      return this.save(tx, caller, report, place, kind, reason);
    });
  }

  private async save(
    tx: EntityManager,
    caller: Caller,
    report: Report,
    place: Place,
    kind: ReportEventKind,
    reason: string | null,
  ): Promise<ReportView> {
    report.version += 1;
    report.contentDigest = contentDigestOf(this.contentOf(report));
    await tx.getRepository(Report).save(report);
    await this.record(tx, caller, report, kind, reason);
    return this.viewOf(tx, caller, report, place);
  }

  // The report, locked, when the caller may read it; then whether they may take the step (403 if not).
  private async reach(
    tx: EntityManager,
    caller: Caller,
    id: string,
    action: Action | null,
  ): Promise<{ report: Report; place: Place }> {
    const report = await tx.getRepository(Report).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    const place = report ? await this.place(tx, report.schoolId) : null;
    if (!report || !place || !(await this.mayRead(tx, caller, report, place))) throw notFound();
    if (action) assertAllowed(caller, action, report.schoolId, notFound, place);
    return { report, place };
  }

  // The school's leaders read their reports; the ward officer those the school has sent (a returned one too).
  private async mayRead(tx: EntityManager, caller: Caller, report: Report, place: Place): Promise<boolean> {
    if (decide(caller, 'report.draft', report.schoolId, place) === 'allow') return true;
    if (decide(caller, 'report.read', report.schoolId, place) !== 'allow') return false;
    if (report.status !== 'draft') return true;
    const [sent] = await tx.query(`SELECT 1 FROM report_event WHERE report_id = $1 AND kind = 'submitted' LIMIT 1`, [
      report.id,
    ]);
    return sent !== undefined;
  }

  private async place(tx: EntityManager, schoolId: string): Promise<Place | null> {
    const [row]: { name: string; ward_id: string }[] = await tx.query(
      `SELECT name, ward_id FROM school WHERE id = $1`,
      [schoolId],
    );
    return row ? { schoolName: row.name, wardId: row.ward_id } : null;
  }

  private periodOf(kind: Report['kind'], schoolYear: string, now: Date): FiguresPeriod {
    const period = reportPeriod(kind === 'incident' ? 'school_year' : kind, schoolYear, this.config.tzName);
    // An incident is reported on the school year so far.
    return kind === 'incident' && now < period.to ? { from: period.from, to: now } : period;
  }

  private async count(tx: EntityManager, schoolId: string, kind: Report['kind'], schoolYear: string, now: Date) {
    const period = this.periodOf(kind, schoolYear, now);
    const cases = await this.figures.compute(tx, schoolId, period);
    const days = { from: this.local.of(period.from).date, to: this.local.of(period.to).date };
    return { ...cases, schoolRecords: await schoolRecordFigures(tx, schoolId, schoolYear, days.from, days.to) };
  }

  private async incidentOf(tx: EntityManager, schoolId: string, incident: { caseId: string; summary: string }) {
    const [found] = await tx.query(`SELECT 1 FROM "case" WHERE id = $1 AND school_id = $2`, [
      incident.caseId,
      schoolId,
    ]);
    if (!found)
      throw new InputValidationException([
        {
          field: 'incident.caseId',
          problems: ['Không có hồ sơ này trong trường / no such case in this school'],
        },
      ]);
    return { caseId: incident.caseId, summary: incident.summary.trim() };
  }

  private contentOf(r: Report): ReportContent {
    return {
      schoolId: r.schoolId,
      kind: r.kind,
      schoolYear: r.schoolYear,
      incident: r.incidentCaseId ? { caseId: r.incidentCaseId, summary: r.incidentSummary ?? '' } : null,
      figures: r.figures,
      texts: r.texts,
    };
  }

  private async record(
    tx: EntityManager,
    caller: Caller,
    report: Report,
    kind: ReportEventKind,
    reason: string | null = null,
  ): Promise<void> {
    const now = this.clock.now();
    const anchored = kind === 'submitted';
    await tx.getRepository(ReportEvent).insert({
      reportId: report.id,
      version: report.version,
      kind,
      at: now,
      byUser: caller.id,
      reason,
      contentDigest: report.contentDigest,
      anchor: anchored ? report.anchor : null,
      anchorDigest: anchored ? report.anchorDigest : null,
    });
    await this.chain.append(tx, {
      type: `REPORT_${kind.toUpperCase()}`,
      ...chainActor(caller),
      subjectId: report.id,
      payload: {
        reportId: report.id,
        schoolId: report.schoolId,
        kind: report.kind,
        schoolYear: report.schoolYear,
        contentDigest: report.contentDigest,
        ...(anchored ? { anchorDigest: report.anchorDigest, anchoredChains: report.anchor?.chains.length } : {}),
        ...(reason ? { reason } : {}),
      },
      at: now,
    });
  }

  private async viewOf(tx: EntityManager, caller: Caller, r: Report, place: Place): Promise<ReportView> {
    const history: {
      kind: ReportEventKind;
      at: Date;
      full_name: string;
      reason: string | null;
      content_digest: string;
      anchor_digest: string | null;
    }[] = await tx.query(
      `SELECT e.kind, e.at, u.full_name, e.reason, e.content_digest, e.anchor_digest FROM report_event e
           JOIN app_user u ON u.id = e.by_user WHERE e.report_id = $1 ORDER BY e.version`,
      [r.id],
    );
    // The school's leaders see their own counts; whoever reads from outside the school reads them suppressed,
    // and without the incident's case number.
    const insider = decide(caller, 'report.draft', r.schoolId, place) === 'allow';
    const [incident] =
      insider && r.incidentCaseId ? await tx.query(`SELECT code FROM "case" WHERE id = $1`, [r.incidentCaseId]) : [];
    const period = this.periodOf(r.kind, r.schoolYear, r.figuresAt);
    return {
      id: r.id,
      schoolId: r.schoolId,
      schoolName: place.schoolName,
      kind: r.kind,
      schoolYear: r.schoolYear,
      status: r.status,
      incidentSummary: r.incidentSummary,
      incidentCaseCode: (incident as { code: string } | undefined)?.code ?? null,
      periodFrom: period.from.toISOString(),
      periodTo: period.to.toISOString(),
      figures: insider ? r.figures : figuresForWard(r.figures),
      figuresAt: r.figuresAt.toISOString(),
      texts: r.texts,
      version: r.version,
      contentDigest: r.contentDigest,
      anchorDigest: r.anchorDigest,
      anchoredChains: r.anchor?.chains.length ?? 0,
      createdAt: r.createdAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      history: history.map((h) => ({
        kind: h.kind,
        at: new Date(h.at).toISOString(),
        byFullName: h.full_name,
        reason: h.reason,
        contentDigest: h.content_digest,
        anchorDigest: h.anchor_digest,
      })),
    };
  }
}

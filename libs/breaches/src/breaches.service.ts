import { Inject, Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { InputValidationException, Page } from '@dh/errors';
import { DeadlineService, Level, LEVELS } from '@dh/escalations';
import { Caller, chainActor, POLICY, School, schoolsFor, UserService, wardFor } from '@dh/identity';
import { DataBreach, DataBreachClock } from './breach.entity';
import { BREACH_CLOCK, breachDueAt, breachRungs } from './breach-clock';
import { BreachDocument, renderAuthorityLetter, renderGuardianNotice } from './breach-docx';
import { BreachesException, BreachesExceptionCode } from './breaches.exception';
import {
  AuthorityNotificationDto,
  CloseBreachDto,
  GuardianNotificationDto,
  ListBreachesDto,
  RecordBreachDto,
} from './dtos/breach.dto';

export type BreachStatus = 'open' | 'authority_notified' | 'closed';

export type BreachView = {
  id: string;
  description: string;
  detectedAt: string;
  categories: DataBreach['categories'];
  subjectsEstimate: number;
  schools: { id: string; name: string }[];
  consequences: string;
  measuresTaken: string;
  responsible: DataBreach['responsible'];
  status: BreachStatus;
  // The end of the 72 hours; overdue while the authority has not been told past it.
  dueAt: string;
  overdue: boolean;
  // The highest rung of the ladder its clocks reached (null: no alert sent yet).
  escalation: Level | null;
  recordedBy: string;
  recordedAt: string;
  authorityNotification: {
    notifiedAt: string;
    reference: string | null;
    late: boolean;
    lateReason: string | null;
    recordedBy: string;
  } | null;
  guardianNotification: {
    notifiedAt: string;
    guardiansNotified: number;
    how: NonNullable<DataBreach['guardiansHow']>;
    recordedBy: string;
  } | null;
  closure: { closedAt: string; finding: NonNullable<DataBreach['finding']>; outcome: string; closedBy: string } | null;
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const statusOf = (b: DataBreach): BreachStatus =>
  b.closedAt ? 'closed' : b.authorityNotifiedAt ? 'authority_notified' : 'open';

const badField = (field: string, vi: string, en: string) =>
  new InputValidationException([{ field, problems: [`${vi} / ${en}`] }]);

// A personal-data breach (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the admin records it and each step after, every
// one in the admin chain; the 72 hours to tell the authority run as escalation clocks, one per school concerned.
@Injectable()
export class BreachesService {
  private readonly logger = new Logger(BreachesService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly deadlines: DeadlineService,
    private readonly users: UserService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(admin: Caller, dto: RecordBreachDto): Promise<BreachView> {
    return inTransaction(this.source, async (tx) => {
      const now = this.clock.now();
      const detectedAt = new Date(dto.detectedAt);
      if (detectedAt > now)
        throw badField(
          'detectedAt',
          'Thời điểm phát hiện không được ở sau thời điểm hiện tại',
          'detectedAt must not be in the future',
        );
      const named = dto.schoolIds ?? [];
      const known = await tx.getRepository(School).find({ where: { id: In(named) }, select: { id: true } });
      const unknown = named.filter((id) => !known.some((s) => s.id === id));
      if (unknown.length)
        throw badField(
          'schoolIds',
          `Không tìm thấy trường: ${unknown.join(', ')}`,
          `no such school: ${unknown.join(', ')}`,
        );
      const repo = tx.getRepository(DataBreach);
      const row = repo.create({
        description: dto.description,
        detectedAt,
        categories: dto.categories,
        subjectsEstimate: dto.subjectsEstimate,
        schoolIds: named,
        consequences: dto.consequences,
        measuresTaken: dto.measuresTaken,
        responsible: {
          fullName: dto.responsible.fullName,
          position: dto.responsible.position ?? null,
          phone: dto.responsible.phone,
          email: dto.responsible.email ?? null,
        },
        recordedBy: admin.id,
        recordedAt: now,
      });
      await repo.insert(row);
      const dueAt = breachDueAt(detectedAt);
      // A breach naming no school concerns every school: each one's principal answers for its learners.
      const clockSchools = named.length
        ? named
        : (await tx.getRepository(School).find({ select: { id: true }, order: { id: 'ASC' } })).map((s) => s.id);
      for (const schoolId of clockSchools) {
        const d = await this.deadlines.open(tx, {
          schoolId,
          caseId: null,
          kind: BREACH_CLOCK.kind,
          label: BREACH_CLOCK.label.vi,
          labelEn: BREACH_CLOCK.label.en,
          state: null,
          startedAt: detectedAt,
          recordedAt: now,
          dueAt,
          due: BREACH_CLOCK.due,
          escalateTo: ['principal', 'ward_officer'],
          repeatDays: null,
          rungs: breachRungs(detectedAt, now),
        });
        await tx.getRepository(DataBreachClock).insert({ breachId: row.id, deadlineId: d.id });
      }
      await this.append(tx, admin, 'BREACH_RECORDED', row.id, now, {
        detectedAt: detectedAt.toISOString(),
        dueAt: dueAt.toISOString(),
        categories: row.categories,
        subjectsEstimate: row.subjectsEstimate,
        schoolIds: named,
      });
      this.logger.log({ msg: 'personal-data breach recorded', breachId: row.id, dueAt: dueAt.toISOString() });
      return this.viewIn(tx, row.id);
    });
  }

  // Telling the authority stops the clock, as of when it was told.
  notifyAuthority(admin: Caller, id: string, dto: AuthorityNotificationDto): Promise<BreachView> {
    return this.step(id, async (tx, b, now) => {
      if (b.authorityNotifiedAt) throw new BreachesException(BreachesExceptionCode.AUTHORITY_ALREADY_NOTIFIED);
      const notifiedAt = this.stepTime(b, dto.notifiedAt, now);
      const late = notifiedAt > breachDueAt(b.detectedAt);
      if (late && !dto.lateReason)
        throw badField(
          'lateReason',
          'Thông báo sau 72 giờ kể từ khi phát hiện phải nêu lý do chậm',
          'a notification after the 72 hours must give the reason for the delay',
        );
      await tx.getRepository(DataBreach).update(
        { id: b.id },
        {
          authorityNotifiedAt: notifiedAt,
          authorityReference: dto.reference ?? null,
          lateReason: late ? (dto.lateReason ?? null) : null,
          authorityRecordedBy: admin.id,
        },
      );
      await this.deadlines.closeClocks(tx, await this.clockIds(tx, b.id), notifiedAt, 'satisfied');
      await this.append(tx, admin, 'BREACH_AUTHORITY_NOTIFIED', b.id, now, {
        notifiedAt: notifiedAt.toISOString(),
        reference: dto.reference ?? null,
        late,
      });
    });
  }

  notifyGuardians(admin: Caller, id: string, dto: GuardianNotificationDto): Promise<BreachView> {
    return this.step(id, async (tx, b, now) => {
      if (b.guardiansNotifiedAt) throw new BreachesException(BreachesExceptionCode.GUARDIANS_ALREADY_NOTIFIED);
      const notifiedAt = this.stepTime(b, dto.notifiedAt, now);
      await tx.getRepository(DataBreach).update(
        { id: b.id },
        {
          guardiansNotifiedAt: notifiedAt,
          guardiansNotified: dto.guardiansNotified,
          guardiansHow: dto.how,
          guardiansRecordedBy: admin.id,
        },
      );
      await this.append(tx, admin, 'BREACH_GUARDIANS_NOTIFIED', b.id, now, {
        notifiedAt: notifiedAt.toISOString(),
        guardiansNotified: dto.guardiansNotified,
        how: dto.how,
      });
    });
  }

  // A confirmed breach closes once the authority was told; a suspicion found to be no breach closes at any time,
  // its clocks stopped (the admin chain keeps who said so).
  close(admin: Caller, id: string, dto: CloseBreachDto): Promise<BreachView> {
    return this.step(id, async (tx, b, now) => {
      if (dto.finding === 'confirmed' && !b.authorityNotifiedAt)
        throw new BreachesException(BreachesExceptionCode.AUTHORITY_NOT_NOTIFIED);
      await tx
        .getRepository(DataBreach)
        .update({ id: b.id }, { closedAt: now, finding: dto.finding, outcome: dto.outcome, closedBy: admin.id });
      await this.deadlines.closeClocks(tx, await this.clockIds(tx, b.id), now, 'stopped');
      await this.append(tx, admin, 'BREACH_CLOSED', b.id, now, { finding: dto.finding });
    });
  }

  async list(caller: Caller, q: ListBreachesDto): Promise<Page<BreachView>> {
    const qb = this.source.getRepository(DataBreach).createQueryBuilder('b');
    this.reach(caller, qb);
    if (q.open !== undefined) qb.andWhere(q.open ? 'b.closed_at IS NULL' : 'b.closed_at IS NOT NULL');
    const [rows, total] = await qb
      .orderBy('b.detected_at', 'DESC')
      .addOrderBy('b.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views(this.source.manager, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async get(caller: Caller, id: string): Promise<BreachView> {
    return (await this.views(this.source.manager, [await this.visible(caller, id)]))[0];
  }

  async letter(caller: Caller, id: string): Promise<StreamableFile> {
    const file = await renderAuthorityLetter(await this.document(caller, id));
    return this.file(file, `thong-bao-su-co-du-lieu-A05-${id.slice(0, 8)}.docx`);
  }

  async guardianNotice(caller: Caller, id: string): Promise<StreamableFile> {
    const file = await renderGuardianNotice(await this.document(caller, id));
    return this.file(file, `thong-bao-cha-me-hoc-sinh-${id.slice(0, 8)}.docx`);
  }

  private file(file: Buffer, name: string): StreamableFile {
    return new StreamableFile(file, { type: DOCX, disposition: `attachment; filename="${name}"`, length: file.length });
  }

  private async document(caller: Caller, id: string): Promise<BreachDocument> {
    const b = await this.visible(caller, id);
    const names = await this.users.schoolNames(this.source.manager, b.schoolIds);
    return {
      description: b.description,
      detectedAt: b.detectedAt,
      categories: b.categories,
      subjectsEstimate: b.subjectsEstimate,
      schools: b.schoolIds.map((s) => names.get(s) ?? s),
      consequences: b.consequences,
      measuresTaken: b.measuresTaken,
      responsible: b.responsible,
      authorityNotifiedAt: b.authorityNotifiedAt,
      lateReason: b.lateReason,
      issuedAt: this.clock.now(),
      timeZone: this.config.tzName,
    };
  }

  // The breaches a reader reaches: every one for the admin; for a principal those naming one of their schools,
  // for a ward officer those naming a school of their ward; one naming no school concerns everyone.
  private reach(caller: Caller, qb: SelectQueryBuilder<DataBreach>): void {
    if (caller.roles.some((r) => POLICY['breach.read'][r] === 'global')) return;
    const schools = schoolsFor(caller, 'breach.read');
    const ward = wardFor(caller, 'breach.read', 'ward');
    const any = [`cardinality(b.school_ids) = 0`];
    if (schools.length) any.push(`b.school_ids && :schools::uuid[]`);
    if (ward) any.push(`EXISTS (SELECT 1 FROM school s WHERE s.id = ANY(b.school_ids) AND s.ward_id = :ward)`);
    qb.andWhere(`(${any.join(' OR ')})`, { schools, ward });
  }

  private async visible(caller: Caller, id: string): Promise<DataBreach> {
    const qb = this.source.getRepository(DataBreach).createQueryBuilder('b').where('b.id = :id', { id });
    this.reach(caller, qb);
    const b = await qb.getOne();
    if (!b) throw new BreachesException(BreachesExceptionCode.BREACH_NOT_FOUND);
    return b;
  }

  // One step on an open breach, under its row's lock, then the breach as it now stands.
  private step(id: string, work: (tx: EntityManager, b: DataBreach, now: Date) => Promise<void>): Promise<BreachView> {
    return inTransaction(this.source, async (tx) => {
      const b = await tx.getRepository(DataBreach).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!b) throw new BreachesException(BreachesExceptionCode.BREACH_NOT_FOUND);
      if (b.closedAt) throw new BreachesException(BreachesExceptionCode.BREACH_CLOSED);
      await work(tx, b, this.clock.now());
      return this.viewIn(tx, id);
    });
  }

  // When a step was taken: not before the breach was detected, not in the future.
  private stepTime(b: DataBreach, at: string, now: Date): Date {
    const t = new Date(at);
    if (t < b.detectedAt)
      throw badField(
        'notifiedAt',
        'Thời điểm thông báo không được trước thời điểm phát hiện sự cố',
        'notifiedAt must not be before the breach was detected',
      );
    if (t > now)
      throw badField(
        'notifiedAt',
        'Thời điểm thông báo không được ở sau thời điểm hiện tại',
        'notifiedAt must not be in the future',
      );
    return t;
  }

  private async clockIds(tx: EntityManager, breachId: string): Promise<string[]> {
    return (await tx.getRepository(DataBreachClock).find({ where: { breachId } })).map((c) => c.deadlineId);
  }

  private append(
    tx: EntityManager,
    admin: Caller,
    type: string,
    subjectId: string,
    at: Date,
    payload: Record<string, unknown>,
  ) {
    return this.chain.append(tx, { type, ...chainActor(admin), subjectId, payload, at });
  }

  private async viewIn(tx: EntityManager, id: string): Promise<BreachView> {
    return (await this.views(tx, [await tx.getRepository(DataBreach).findOneByOrFail({ id })]))[0];
  }

  private async views(tx: EntityManager, rows: DataBreach[]): Promise<BreachView[]> {
    if (rows.length === 0) return [];
    const names = await this.users.schoolNames(tx, [...new Set(rows.flatMap((b) => b.schoolIds))]);
    const fired: { breach_id: string; levels: Level[] }[] = await tx.query(
      `SELECT c.breach_id, array_agg(DISTINCT l.level) AS levels
         FROM data_breach_clock c JOIN deadline_level l ON l.deadline_id = c.deadline_id AND l.status = 'fired'
        WHERE c.breach_id = ANY($1) GROUP BY 1`,
      [rows.map((b) => b.id)],
    );
    const now = this.clock.now();
    return rows.map((b) => {
      const dueAt = breachDueAt(b.detectedAt);
      const levels = fired.find((f) => f.breach_id === b.id)?.levels ?? [];
      return {
        id: b.id,
        description: b.description,
        detectedAt: b.detectedAt.toISOString(),
        categories: b.categories,
        subjectsEstimate: b.subjectsEstimate,
        schools: b.schoolIds.map((s) => ({ id: s, name: names.get(s) ?? '' })),
        consequences: b.consequences,
        measuresTaken: b.measuresTaken,
        responsible: b.responsible,
        status: statusOf(b),
        dueAt: dueAt.toISOString(),
        overdue: !b.authorityNotifiedAt && !b.closedAt && now >= dueAt,
        escalation: [...LEVELS].reverse().find((l) => levels.includes(l)) ?? null,
        recordedBy: b.recordedBy,
        recordedAt: b.recordedAt.toISOString(),
        authorityNotification:
          b.authorityNotifiedAt && b.authorityRecordedBy
            ? {
                notifiedAt: b.authorityNotifiedAt.toISOString(),
                reference: b.authorityReference,
                late: b.authorityNotifiedAt > dueAt,
                lateReason: b.lateReason,
                recordedBy: b.authorityRecordedBy,
              }
            : null,
        guardianNotification:
          b.guardiansNotifiedAt && b.guardiansRecordedBy && b.guardiansHow && b.guardiansNotified !== null
            ? {
                notifiedAt: b.guardiansNotifiedAt.toISOString(),
                guardiansNotified: b.guardiansNotified,
                how: b.guardiansHow,
                recordedBy: b.guardiansRecordedBy,
              }
            : null,
        closure:
          b.closedAt && b.finding && b.outcome && b.closedBy
            ? { closedAt: b.closedAt.toISOString(), finding: b.finding, outcome: b.outcome, closedBy: b.closedBy }
            : null,
      };
    });
  }
}

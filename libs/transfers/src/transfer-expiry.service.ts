import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AdminAuditService, AuditService, bySystem } from '@dh/audit';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { AlertService, BeforeSweepHooks, DeadlineService } from '@dh/escalations';
import { CaseTransfer } from './transfer.entity';

// What the sending school's supervisors read (and are mailed) when a request expired unanswered: the case's code,
// never a learner's name, as every alert; the "Chuyển trường đi" page says whose record it was.
const expiredText =
  (caseCode: string | null, toSchool: string, days: number) =>
  (school: string): [string, string] => [
    `Đề nghị chuyển ${caseCode ? `hồ sơ ${caseCode}` : 'hồ sơ học sinh'} sang ${toSchool} đã hết hạn sau ${days} ngày làm việc không được trả lời (xem mục Chuyển trường đi); có thể gửi lại đề nghị — ${school}`,
    `The request to move ${caseCode ? `case ${caseCode}` : 'a learner’s record'} to ${toSchool} expired after ${days} working days without an answer (see Outgoing transfers); it may be sent again — ${school}`,
  ];

// A request the receiving school leaves unanswered must not hold the case (one open request at a time) for ever:
// after TRANSFER_REQUEST_WORKING_DAYS working days on the installation's calendar it expires, in the case's chain
// (CASE_TRANSFER_EXPIRED) or the admin chain for a learner's record, and the sending school's supervisors are
// alerted. It runs with the escalation sweep (before it raises anything), on the sweep's clock and schedule.
@Injectable()
export class TransferExpiryService implements OnModuleInit {
  private readonly logger = new Logger(TransferExpiryService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
    private readonly adminAudit: AdminAuditService,
    private readonly alerts: AlertService,
    private readonly deadlines: DeadlineService,
    private readonly beforeSweep: BeforeSweepHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.beforeSweep.register((now) => this.expireStale(now));
  }

  // SKIP LOCKED: an instance answering or another sweeping holds the row; it is looked at again next time.
  // Answers how many expired.
  async expireStale(now: Date): Promise<number> {
    return inTransaction(this.source, async (tx) => {
      const waiting = await tx
        .getRepository(CaseTransfer)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`t.status = 'requested'`)
        .orderBy('t.requested_at', 'ASC')
        .limit(500)
        .getMany();
      const days = this.config.transferRequestWorkingDays;
      const due = waiting.filter((t) => this.deadlines.dueAfter(t.requestedAt, { workingDays: days }) <= now);
      for (const t of due) await this.expire(tx, t, days, now);
      if (due.length) this.logger.log({ msg: 'transfer requests expired', count: due.length });
      return due.length;
    });
  }

  private async expire(tx: EntityManager, t: CaseTransfer, days: number, now: Date): Promise<void> {
    const requestId = `transfer-expiry:${randomUUID()}`;
    const payload = { transferId: t.id, fromSchoolId: t.fromSchoolId, toSchoolId: t.toSchoolId, workingDays: days };
    if (t.caseId)
      await this.audit.appendCaseEvent(tx, t.caseId, bySystem(requestId, now), 'CASE_TRANSFER_EXPIRED', payload);
    else
      await this.adminAudit.append(tx, {
        type: 'LEARNER_TRANSFER_EXPIRED',
        actorId: null,
        actorRole: 'system',
        subjectId: t.learnerId,
        payload,
        requestId,
        at: now,
      });
    await tx.getRepository(CaseTransfer).update({ id: t.id }, { status: 'expired', answeredAt: now, answeredBy: null });
    const [{ name: toSchool }]: { name: string }[] = await tx.query(`SELECT name FROM school WHERE id = $1`, [
      t.toSchoolId,
    ]);
    const cases: { code: string }[] = t.caseId
      ? await tx.query(`SELECT code FROM "case" WHERE id = $1`, [t.caseId])
      : [];
    const code = cases[0]?.code ?? null;
    await this.alerts.raiseForSchool(tx, t.fromSchoolId, t.caseId, now, {
      level: 'transfer_expired',
      to: ['supervisors'],
      subject: 'Đồng Hành: đề nghị chuyển trường hết hạn',
      text: expiredText(code, toSchool, days),
    });
  }
}

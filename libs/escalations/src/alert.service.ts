import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { Page } from '@dh/errors';
import { Caller, chainActor, UserService } from '@dh/identity';
import { Alert } from './alert.entity';
import { CaseFactsPort } from './case-facts';
import { AckAlertDto, ListAlertsDto } from './dtos/alerts.dto';
import { EscalationException, EscalationExceptionCode } from './escalation.exception';

export type CaseRef = { caseId: string; schoolId: string; code: string };
// `text` is given the school's name and answers the Vietnamese reason and the English one. `admins`: the
// installation's active administrators, whatever school; the alert still names the case's school.
export type CaseAlert = {
  level: string;
  to: ('supervisors' | 'principals' | 'admins')[];
  subject: string;
  text: (schoolName: string) => [string, string];
};

// `caseCode`: what a person reads and links to, beside the case's id (null for an alert of no case).
export type AlertView = Omit<Alert, 'createdAt' | 'acknowledgedAt'> & {
  caseCode: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
};

const toView = (a: Alert, codes: Map<string, { code: string }>): AlertView => ({
  ...a,
  caseCode: a.caseId ? (codes.get(a.caseId)?.code ?? null) : null,
  createdAt: a.createdAt.toISOString(),
  acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
});

const caseIdsOf = (alerts: Alert[]): string[] => [
  ...new Set(alerts.map((a) => a.caseId).filter((id): id is string => id !== null)),
];

@Injectable()
export class AlertService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly users: UserService,
    private readonly cases: CaseFactsPort,
  ) {}

  // The caller's own alerts: unanswered first, newest first within each group.
  async list(caller: Caller, q: ListAlertsDto): Promise<Page<AlertView>> {
    const qb = this.source
      .getRepository(Alert)
      .createQueryBuilder('a')
      .where('a.recipient_id = :me', { me: caller.id });
    if (q.unacknowledged !== undefined)
      qb.andWhere(q.unacknowledged ? 'a.acknowledged_at IS NULL' : 'a.acknowledged_at IS NOT NULL');
    if (q.level) qb.andWhere('a.level = :level', { level: q.level });
    if (q.caseId) qb.andWhere('a.case_id = :caseId', { caseId: q.caseId });
    const [rows, total] = await qb
      .orderBy('a.acknowledged_at IS NULL', 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const codes = await this.cases.factsOf(this.source.manager, caseIdsOf(rows));
    return { items: rows.map((a) => toView(a, codes)), total, page: q.page, pageSize: q.pageSize };
  }

  // An escalation is answered, not just read: the next action goes into the case's history.
  async acknowledge(caller: Caller, id: string, dto: AckAlertDto): Promise<AlertView> {
    return inTransaction(this.source, async (tx) => {
      const alert = await tx
        .getRepository(Alert)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id AND a.recipient_id = :me', { id, me: caller.id })
        .getOne();
      if (!alert) throw new EscalationException(EscalationExceptionCode.ALERT_NOT_FOUND);
      if (alert.acknowledgedAt) throw new EscalationException(EscalationExceptionCode.ALERT_ALREADY_ACKNOWLEDGED);
      const now = this.clock.now();
      alert.acknowledgedAt = now;
      alert.acknowledgedBy = caller.id;
      alert.nextAction = dto.nextAction.trim();
      await tx
        .getRepository(Alert)
        .update({ id }, { acknowledgedAt: now, acknowledgedBy: caller.id, nextAction: alert.nextAction });
      if (alert.caseId) {
        await this.audit.appendCaseEvent(tx, alert.caseId, { ...chainActor(caller), at: now }, 'ALERT_ACKNOWLEDGED', {
          alertId: alert.id,
          level: alert.level,
          reason: alert.reason,
          nextAction: alert.nextAction,
        });
      }
      return toView(alert, await this.cases.factsOf(tx, caseIdsOf([alert])));
    });
  }

  // UPDATE_RISK to critical: the supervisors and the principal hear of it inside the transition, not at the next sweep.
  async raiseCriticalRisk(tx: EntityManager, c: CaseRef, now: Date): Promise<number> {
    return this.raiseForCase(tx, c, now, {
      level: 'critical_risk',
      to: ['supervisors', 'principals'],
      subject: 'Đồng Hành: nguy cơ nghiêm trọng',
      text: (school) => [
        `Hồ sơ ${c.code} được đánh giá nguy cơ NGHIÊM TRỌNG — ${school}`,
        `Case ${c.code} was rated CRITICAL risk — ${school}`,
      ],
    });
  }

  // An alert about one case to some of its school's people, with its outbox row, inside the caller's transaction.
  async raiseForCase(tx: EntityManager, c: CaseRef, now: Date, a: CaseAlert): Promise<number> {
    return (await this.raiseForSchool(tx, c.schoolId, c.caseId, now, a)).length;
  }

  // The same about a school (caseId null: about many of its cases at once); answers the alerts' ids.
  async raiseForSchool(
    tx: EntityManager,
    schoolId: string,
    caseId: string | null,
    now: Date,
    a: CaseAlert,
  ): Promise<string[]> {
    const people = (await this.users.peopleOfSchools(tx, [schoolId])).get(schoolId);
    const [reason, reasonEn] = a.text(await this.schoolName(tx, schoolId));
    const admins = a.to.includes('admins') ? await this.users.activeAdmins(tx) : [];
    const to = [...new Set(a.to.flatMap((group) => (group === 'admins' ? admins : (people?.[group] ?? []))))];
    const ids: string[] = [];
    for (const recipientId of to) {
      const alert = tx.getRepository(Alert).create({
        recipientId,
        schoolId,
        caseId,
        deadlineId: null,
        level: a.level,
        reason,
        reasonEn,
        createdAt: now,
        acknowledgedAt: null,
        acknowledgedBy: null,
        nextAction: null,
      });
      await tx.getRepository(Alert).insert(alert);
      await tx.query(
        `INSERT INTO alert_outbox (alert_id, channel, recipient, subject, body, created_at) VALUES ($1, 'default', $2, $3, $4, $5)`,
        [alert.id, recipientId, a.subject, alert.reason, now],
      );
      ids.push(alert.id);
    }
    return ids;
  }

  // Rewrites alerts not yet answered (a running count), and the mail of those not yet sent; answers how many
  // alerts still stood unanswered.
  async rewordUnanswered(tx: EntityManager, ids: string[], schoolId: string, text: CaseAlert['text']): Promise<number> {
    const [reason, reasonEn] = text(await this.schoolName(tx, schoolId));
    const [{ n }] = await tx.query(
      `SELECT count(*)::int AS n FROM alert WHERE id = ANY($1) AND acknowledged_at IS NULL`,
      [ids],
    );
    await tx.query(`UPDATE alert SET reason = $2, reason_en = $3 WHERE id = ANY($1) AND acknowledged_at IS NULL`, [
      ids,
      reason,
      reasonEn,
    ]);
    await tx.query(`UPDATE alert_outbox SET body = $2 WHERE alert_id = ANY($1) AND sent_at IS NULL`, [ids, reason]);
    return n;
  }

  private async schoolName(tx: EntityManager, schoolId: string): Promise<string> {
    const name = (await this.users.schoolNames(tx, [schoolId])).get(schoolId);
    if (name === undefined) throw new Error(`alert for unknown school ${schoolId}`);
    return name;
  }
}

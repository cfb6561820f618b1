import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { Page } from '@dh/errors';
import { Caller, chainActor } from '@dh/identity';
import type { DeliveryChannel } from '@dh/notifications';
import type { DeliveryStatus } from '../alert-delivery.entity';
import { DeliveryException, DeliveryExceptionCode } from '../delivery.exception';
import type { OutboxQueryDto } from './dtos/outbox-query.dto';

export type DeliveryView = {
  id: string;
  kind: 'alert' | 'digest';
  channel: DeliveryChannel;
  status: DeliveryStatus;
  userId: string;
  userFullName: string;
  alertLevel: string | null;
  caseCode: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
  nextAttemptAt: string;
};
export type RetryAnswer = { retried: number };

type Row = Omit<DeliveryView, 'createdAt' | 'sentAt' | 'failedAt' | 'nextAttemptAt'> & {
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  nextAttemptAt: Date;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

// The admin's view of what left the app and what did not, and the retry of what gave up. A retry starts a new
// 24-hour window and keeps the delivery key, so a receiver still sees one message.
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async list(q: OutboxQueryDto): Promise<Page<DeliveryView>> {
    const where = `($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.user_id = $2)`;
    const params = [q.status ?? null, q.userId ?? null];
    const [{ total }] = await this.source.query(
      `SELECT count(*)::int AS total FROM alert_delivery d WHERE ${where}`,
      params,
    );
    const rows: Row[] = await this.source.query(
      `SELECT d.id, d.kind, d.channel, d.status, d.user_id AS "userId", u.full_name AS "userFullName",
              a.level AS "alertLevel", c.code AS "caseCode", d.attempts, d.last_error AS "lastError",
              d.created_at AS "createdAt", d.sent_at AS "sentAt", d.failed_at AS "failedAt",
              d.next_attempt_at AS "nextAttemptAt"
         FROM alert_delivery d JOIN app_user u ON u.id = d.user_id
         LEFT JOIN alert a ON a.id = d.alert_id LEFT JOIN "case" c ON c.id = a.case_id
        WHERE ${where}
        ORDER BY coalesce(d.failed_at, d.created_at) DESC, d.id LIMIT $3 OFFSET $4`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const items = rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      sentAt: iso(r.sentAt),
      failedAt: iso(r.failedAt),
      nextAttemptAt: r.nextAttemptAt.toISOString(),
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  retryOne(caller: Caller, id: string): Promise<RetryAnswer> {
    return inTransaction(this.source, async (tx) => {
      const [row]: { status: string }[] = await tx.query(`SELECT status FROM alert_delivery WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!row) throw new DeliveryException(DeliveryExceptionCode.DELIVERY_NOT_FOUND);
      if (row.status !== 'failed') throw new DeliveryException(DeliveryExceptionCode.DELIVERY_NOT_FAILED);
      return this.requeue(tx, caller, `id = $2`, id, { deliveryId: id });
    });
  }

  retryAll(caller: Caller, userId?: string): Promise<RetryAnswer> {
    return inTransaction(this.source, (tx) =>
      this.requeue(tx, caller, `($2::uuid IS NULL OR user_id = $2)`, userId ?? null, { userId: userId ?? null }),
    );
  }

  private async requeue(
    tx: EntityManager,
    caller: Caller,
    which: string,
    param: string | null,
    payload: Record<string, unknown>,
  ): Promise<RetryAnswer> {
    const now = this.clock.now();
    const [, retried]: [unknown, number] = await tx.query(
      `UPDATE alert_delivery SET status = 'pending', next_attempt_at = $1, window_started_at = $1, failed_at = NULL
        WHERE status = 'failed' AND ${which}`,
      [now, param],
    );
    if (retried > 0) {
      await this.chain.append(tx, {
        type: 'DELIVERIES_RETRIED',
        ...chainActor(caller),
        subjectId: null,
        payload: { ...payload, retried },
        at: now,
      });
    }
    return { retried };
  }
}

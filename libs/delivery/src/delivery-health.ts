import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';

export type OutboxHealth = {
  status: 'up' | 'degraded';
  // Messages waiting to leave: alerts not yet routed, and deliveries pending (due, leased or waiting to retry).
  backlog: number;
  oldestPendingMinutes: number | null;
};

// A backlog older than OUTBOX_DEGRADED_AFTER_MINUTES turns health to degraded, not down: the app works, only its
// mail is late (a mail server down, a gateway refusing), which an operator must hear of.
@Injectable()
export class DeliveryHealth {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<OutboxHealth> {
    const [row]: { n: number; oldest: Date | null }[] = await this.source.query(
      `SELECT sum(n)::int AS n, min(oldest) AS oldest FROM (
         SELECT count(*) AS n, min(created_at) AS oldest FROM alert_outbox WHERE sent_at IS NULL
         UNION ALL
         SELECT count(*), min(created_at) FROM alert_delivery WHERE status = 'pending') x`,
    );
    const minutes = row.oldest ? Math.floor((this.clock.now().getTime() - row.oldest.getTime()) / 60_000) : null;
    const degraded = minutes !== null && minutes >= this.config.delivery.degradedAfterMinutes;
    return { status: degraded ? 'degraded' : 'up', backlog: row.n ?? 0, oldestPendingMinutes: minutes };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { NotificationRouting, Route } from '@dh/notifications';
import { configuredChannels } from './delivery-channels';

type Queued = { outbox_id: string; alert_id: string; user_id: string; level: string; school_id: string };

// Turns the alerts the sweep queued (alert_outbox, written in the alert's own transaction) into one delivery row
// per channel each recipient chose: pending to send now, held for their digest. The outbox row is then marked
// (sent_at: handed to delivery), in the same short transaction as the rows it became.
@Injectable()
export class DeliveryFanOut {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly routing: NotificationRouting,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Answers how many queued alerts it handed over; call again until 0.
  async routeQueued(limit = 500): Promise<number> {
    const channels = configuredChannels(this.config);
    return inTransaction(this.source, async (tx) => {
      const queued: Queued[] = await tx.query(
        `SELECT o.id AS outbox_id, a.id AS alert_id, a.recipient_id AS user_id, a.level, a.school_id
           FROM alert_outbox o JOIN alert a ON a.id = o.alert_id
          WHERE o.sent_at IS NULL ORDER BY o.created_at LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
        [limit],
      );
      if (queued.length === 0) return 0;
      const now = this.clock.now();
      const routes = new Map<string, Route[]>();
      for (const r of await this.routing.routesFor(
        tx,
        queued.map((q) => ({ userId: q.user_id, level: q.level })),
      )) {
        const key = `${r.userId}:${r.level}`;
        if (channels.includes(r.channel) && !routes.get(key)?.some((x) => x.channel === r.channel))
          routes.set(key, [...(routes.get(key) ?? []), r]);
      }
      const rows = queued.flatMap((q) => (routes.get(`${q.user_id}:${q.level}`) ?? []).map((r) => ({ q, r })));
      if (rows.length > 0) {
        await tx.query(
          `INSERT INTO alert_delivery (kind, alert_id, user_id, school_id, channel, status, next_attempt_at, window_started_at, created_at)
           SELECT 'alert', a, u, s, c, st, $6, $6, $6
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS x(a, u, s, c, st)
           ON CONFLICT (alert_id, channel) WHERE kind = 'alert' DO NOTHING`,
          [
            rows.map(({ q }) => q.alert_id),
            rows.map(({ q }) => q.user_id),
            rows.map(({ q }) => q.school_id),
            rows.map(({ r }) => r.channel),
            rows.map(({ r }) => (r.mode === 'digest' ? 'held' : 'pending')),
            now,
          ],
        );
      }
      await tx.query(`UPDATE alert_outbox SET sent_at = $2 WHERE id = ANY($1)`, [queued.map((q) => q.outbox_id), now]);
      return queued.length;
    });
  }
}

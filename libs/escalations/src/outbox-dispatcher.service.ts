import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { AlertSender } from './alert-sender';

// Delivers what the sweep queued. A failed send stays queued with its error and is tried again next time.
@Injectable()
export class OutboxDispatcher {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly sender: AlertSender,
    private readonly clock: Clock,
  ) {}

  async dispatch(batchSize = 200): Promise<{ sent: number; failed: number }> {
    return inTransaction(this.source, async (tx) => {
      const queued: { id: string; recipient: string; subject: string; body: string }[] = await tx.query(
        `SELECT id, recipient, subject, body FROM alert_outbox WHERE sent_at IS NULL AND attempts < 10
          ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      let sent = 0;
      for (const m of queued) {
        try {
          await this.sender.send(m);
          await tx.query(`UPDATE alert_outbox SET sent_at = $2, attempts = attempts + 1 WHERE id = $1`, [
            m.id,
            this.clock.now(),
          ]);
          sent += 1;
        } catch (e) {
          await tx.query(`UPDATE alert_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            m.id,
            String(e).slice(0, 500),
          ]);
        }
      }
      return { sent, failed: queued.length - sent };
    });
  }
}

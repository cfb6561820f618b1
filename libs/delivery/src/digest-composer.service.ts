import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dayNumber, LocalTime, WorkingCalendar } from '@dh/calendar';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';

export const DIGEST_HOUR = 7;
const HOUR_MS = 3600_000;

// The daily digest: from 07:00 of each working day, every person's held alerts (those they chose to hear of in
// the digest) of one channel become one message. Run at every tick, it makes each day's digest once (a unique
// (person, channel, day) row), so an instance that was down at 07:00 makes it when it comes back.
@Injectable()
export class DigestComposer {
  private readonly local: LocalTime;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  // Answers how many digests it made.
  async composeDue(): Promise<number> {
    const now = this.clock.now();
    const { date, ms } = this.local.of(now);
    if (ms < DIGEST_HOUR * HOUR_MS || !this.calendar.isWorkingDay(date)) return 0;
    const cutoff = this.local.atDay(dayNumber(date), DIGEST_HOUR * HOUR_MS);
    return inTransaction(this.source, async (tx) => {
      const held: { id: string; user_id: string; channel: string }[] = await tx.query(
        `SELECT id, user_id, channel FROM alert_delivery
          WHERE status = 'held' AND created_at < $1 ORDER BY user_id, channel FOR UPDATE SKIP LOCKED`,
        [cutoff],
      );
      const groups = new Map<string, { userId: string; channel: string; ids: string[] }>();
      for (const h of held) {
        const key = `${h.user_id}:${h.channel}`;
        const g = groups.get(key) ?? { userId: h.user_id, channel: h.channel, ids: [] };
        g.ids.push(h.id);
        groups.set(key, g);
      }
      let made = 0;
      for (const g of groups.values()) {
        // A digest already made today (by another instance, or before a late alert arrived): tomorrow's takes these.
        const created: { id: string }[] = await tx.query(
          `INSERT INTO alert_delivery (kind, digest_date, user_id, channel, status, next_attempt_at, window_started_at, created_at)
           VALUES ('digest', $1, $2, $3, 'pending', $4, $4, $4)
           ON CONFLICT (user_id, channel, digest_date) WHERE kind = 'digest' DO NOTHING RETURNING id`,
          [date, g.userId, g.channel, now],
        );
        if (created.length === 0) continue;
        await tx.query(`UPDATE alert_delivery SET status = 'digested', digest_id = $2 WHERE id = ANY($1)`, [
          g.ids,
          created[0].id,
        ]);
        made += 1;
      }
      return made;
    });
  }
}

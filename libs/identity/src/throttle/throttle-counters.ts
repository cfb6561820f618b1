import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';

// A fixed window of `windowMs` allowing `limit` hits; the hit past it blocks the key for `blockMs`. With
// `backoff`, each further trip doubles the block (up to a day), until a day passes after the last block.
export type CounterRule = { windowMs: number; limit: number; blockMs: number; backoff?: boolean };
export type CounterState = { hits: number; blocked: boolean; retryAfterSeconds: number };

const MAX_BLOCK_MS = 24 * 3600_000;
// A key is forgotten (and its back-off with it) a day after its window and its block have both ended.
const FORGET_AFTER_MS = 24 * 3600_000;
const PRUNE_EVERY = 500;

type Row = { hits: number; blocked: boolean; retry_after: number };

// $1 key, $2 now, $3 window (ms), $4 limit, $5 block (ms), $6 back-off. In DO UPDATE, t.* are the values before
// this hit: a blocked key is not counted; an ended window starts again at this hit.
const NOW = '$2::timestamptz';
const HELD = `t.blocked_until > ${NOW}`;
const NEXT_HITS = `(CASE WHEN t.window_end <= ${NOW} THEN 1 ELSE t.hits + 1 END)`;
const TRIPS = `(NOT ${HELD} AND ${NEXT_HITS} > $4::int)`;
// The back-off is forgotten once the last block ended a day ago, whether or not the row was pruned yet.
const STRIKES = `(CASE WHEN t.blocked_until < ${NOW} - ${FORGET_AFTER_MS}::bigint * interval '1 millisecond' THEN 0 ELSE t.strikes END)`;
const UPSERT = `
  INSERT INTO throttle_counter AS t (key, hits, window_end, blocked_until, strikes)
  VALUES ($1, 1, ${NOW} + $3::bigint * interval '1 millisecond',
          CASE WHEN 1 > $4::int THEN ${NOW} + $5::bigint * interval '1 millisecond' ELSE ${NOW} END,
          CASE WHEN 1 > $4::int AND $6::boolean THEN 1 ELSE 0 END)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN ${HELD} THEN t.hits ELSE ${NEXT_HITS} END,
    window_end = CASE WHEN ${HELD} OR t.window_end > ${NOW} THEN t.window_end ELSE EXCLUDED.window_end END,
    blocked_until = CASE WHEN ${TRIPS}
      THEN ${NOW} + least($5::bigint * power(2, CASE WHEN $6::boolean THEN least(${STRIKES}, 20) ELSE 0 END), ${MAX_BLOCK_MS}) * interval '1 millisecond'
      ELSE t.blocked_until END,
    strikes = CASE WHEN ${TRIPS} AND $6::boolean THEN ${STRIKES} + 1 ELSE t.strikes END
  RETURNING t.hits, t.blocked_until > ${NOW} AS blocked,
            greatest(0, ceil(extract(epoch FROM t.blocked_until - ${NOW})))::int AS retry_after`;

// The counters of every throttle (login, password change, public form), in one UNLOGGED table: shared by all
// instances on the database, so three instances do not triple an allowance. Time is the injectable clock's,
// passed in, never the database's now(). Each hit is one atomic upsert: concurrent hits never lose a count.
@Injectable()
export class ThrottleCounters {
  private readonly logger = new Logger(ThrottleCounters.name);
  private sincePrune = 0;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly clock: Clock,
  ) {}

  async hit(key: string, rule: CounterRule): Promise<CounterState> {
    const now = this.clock.now();
    if (++this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      await this.prune(now);
    }
    // In DO UPDATE, t.* are the values before this hit.
    const rows: Row[] = await this.source.query(UPSERT, [
      key,
      now,
      rule.windowMs,
      rule.limit,
      rule.blockMs,
      rule.backoff ?? false,
    ]);
    return toState(rows[0]);
  }

  // The state without counting: hits in the live window, and whether the key is blocked.
  async peek(key: string): Promise<CounterState> {
    const rows: Row[] = await this.source.query(
      `SELECT CASE WHEN window_end > $2 THEN hits ELSE 0 END AS hits, blocked_until > $2 AS blocked,
              greatest(0, ceil(extract(epoch FROM blocked_until - $2::timestamptz)))::int AS retry_after
         FROM throttle_counter WHERE key = $1`,
      [key, this.clock.now()],
    );
    return rows.length ? toState(rows[0]) : { hits: 0, blocked: false, retryAfterSeconds: 0 };
  }

  // Takes back one hit (an attempt that turned out right), leaving any block in place.
  async refund(key: string): Promise<void> {
    await this.source.query(`UPDATE throttle_counter SET hits = greatest(hits - 1, 0) WHERE key = $1`, [key]);
  }

  async reset(keys: string[]): Promise<void> {
    await this.source.query(`DELETE FROM throttle_counter WHERE key = ANY($1::text[])`, [keys]);
  }

  async prune(now = this.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - FORGET_AFTER_MS);
    const [{ n }] = await this.source.query(
      `WITH gone AS (DELETE FROM throttle_counter WHERE window_end < $1 AND blocked_until < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [cutoff],
    );
    if (n) this.logger.log({ msg: 'throttle counters pruned', count: n });
    return Number(n);
  }
}

const toState = (r: Row): CounterState => ({
  hits: Number(r.hits),
  blocked: r.blocked,
  retryAfterSeconds: Number(r.retry_after),
});

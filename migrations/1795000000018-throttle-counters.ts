import { MigrationInterface, QueryRunner } from 'typeorm';

export class ThrottleCounters1795000000018 implements MigrationInterface {
  name = 'ThrottleCounters1795000000018';

  async up(q: QueryRunner): Promise<void> {
    // The throttles' counters, shared by every instance on this database. UNLOGGED: they are not worth a WAL
    // write per login attempt, and a crash that empties them only resets the windows.
    await q.query(`
      CREATE UNLOGGED TABLE throttle_counter (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_end timestamptz NOT NULL,
        blocked_until timestamptz NOT NULL,
        strikes integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX throttle_counter_window_end ON throttle_counter (window_end)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttle_counter`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingCalendar1795000000028 implements MigrationInterface {
  name = 'WorkingCalendar1795000000028';

  async up(q: QueryRunner): Promise<void> {
    // A year kept in the app: once an admin has set it, its days replace the HOLIDAYS_DIR file's for that
    // year, even when the list is empty (the row says "the app decides", the days say what).
    await q.query(`
      CREATE TABLE calendar_year (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE calendar_day (
        date date PRIMARY KEY,
        year int NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('day_off', 'working_day')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        decision_number text NOT NULL CHECK (btrim(decision_number) <> ''),
        decision_date date NOT NULL,
        CHECK (extract(year FROM date) = year)
      )`);
    await q.query(`CREATE INDEX calendar_day_year ON calendar_day (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_day`);
    await q.query(`DROP TABLE calendar_year`);
  }
}

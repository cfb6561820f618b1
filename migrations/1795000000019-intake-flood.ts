import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeFlood1795000000019 implements MigrationInterface {
  name = 'IntakeFlood1795000000019';

  async up(q: QueryRunner): Promise<void> {
    // A public report sent while its school's form was flooded: kept like any other, marked for bulk triage.
    await q.query(`ALTER TABLE "case" ADD COLUMN bulk_triage boolean NOT NULL DEFAULT false`);
    // The flood rate counts a school's recent public reports.
    await q.query(`CREATE INDEX case_public_recent_idx ON "case" (school_id, created_at) WHERE opened_by IS NULL`);
    // One row per school whose public form has been used: its lock orders that school's public reports, so the
    // rate holds across instances; while a flood lasts it holds the episode and the summary alerts it updates.
    await q.query(`
      CREATE TABLE intake_flood (
        school_id uuid PRIMARY KEY REFERENCES school(id),
        started_at timestamptz,
        last_at timestamptz,
        reports integer NOT NULL DEFAULT 0,
        urgent integer NOT NULL DEFAULT 0,
        alert_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    // Proof-of-work solutions already used, kept until their challenge expires: each is accepted once, on any instance.
    await q.query(`CREATE TABLE altcha_spent (signature text PRIMARY KEY, expires_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX altcha_spent_expires_idx ON altcha_spent (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE altcha_spent`);
    await q.query(`DROP TABLE intake_flood`);
    await q.query(`DROP INDEX case_public_recent_idx`);
    await q.query(`ALTER TABLE "case" DROP COLUMN bulk_triage`);
  }
}

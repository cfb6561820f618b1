import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseSchoolViolence1795000000022 implements MigrationInterface {
  name = 'CaseSchoolViolence1795000000022';

  async up(q: QueryRunner): Promise<void> {
    // Whether the case records a school-violence incident (Decree 80/2017): flagged at intake or by a concern of
    // that kind. It starts the family-notice clock and stays, for the school's and the ward's figures.
    await q.query(`ALTER TABLE "case" ADD COLUMN school_violence boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case" DROP COLUMN school_violence`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessScopes1795000000008 implements MigrationInterface {
  name = 'AccessScopes1795000000008';

  async up(q: QueryRunner): Promise<void> {
    // An auditor reaches a school only through a grant: who, which school, why, until when, and whether
    // it was ended early.
    await q.query(`
      CREATE TABLE auditor_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        auditor_id uuid NOT NULL REFERENCES app_user(id),
        school_id uuid NOT NULL REFERENCES school(id),
        granted_by uuid NOT NULL REFERENCES app_user(id),
        reason text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX auditor_grant_lookup_idx ON auditor_grant (auditor_id, expires_at) WHERE revoked_at IS NULL`);
    // Set by a REFER to the ward, cleared when the case leaves referral: while set, the ward officers of
    // the school's ward read the case.
    await q.query(`ALTER TABLE "case" ADD COLUMN referred_to_ward_at timestamptz`);
    await q.query(`CREATE INDEX case_referred_to_ward_idx ON "case" (school_id) WHERE referred_to_ward_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_referred_to_ward_idx`);
    await q.query(`ALTER TABLE "case" DROP COLUMN referred_to_ward_at`);
    await q.query(`DROP TABLE auditor_grant`);
  }
}

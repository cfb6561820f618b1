import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConfidentialGrants1795000000006 implements MigrationInterface {
  name = 'ConfidentialGrants1795000000006';

  async up(q: QueryRunner): Promise<void> {
    // A principal reads a case's confidential content only through a grant: who, which case, why, until when.
    await q.query(`
      CREATE TABLE confidential_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES "case"(id),
        school_id uuid NOT NULL REFERENCES school(id),
        grantee_id uuid NOT NULL REFERENCES app_user(id),
        granted_by uuid NOT NULL REFERENCES app_user(id),
        reason text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX confidential_grant_lookup_idx ON confidential_grant (case_id, grantee_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE confidential_grant`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentLedger1795000000010 implements MigrationInterface {
  name = 'ConsentLedger1795000000010';

  async up(q: QueryRunner): Promise<void> {
    // Who agreed to which sharing of a case's information, when and how, and whether it was withdrawn
    // (Law on Children Art. 6 cl. 11). Rows are never deleted: a withdrawal is written onto its consent.
    // receiver_id names an organisation of the service directory, which has no table yet: no foreign key.
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES "case"(id),
        school_id uuid NOT NULL REFERENCES school(id),
        given_by text NOT NULL CHECK (given_by IN ('learner', 'guardian')),
        guardian_name text,
        guardian_relationship text,
        scope_kind text NOT NULL CHECK (scope_kind IN ('referral', 'school_transfer', 'parent_body', 'other')),
        receiver_id uuid,
        purpose text NOT NULL,
        given_at date NOT NULL,
        how text NOT NULL CHECK (how IN ('van_ban', 'truc_tiep', 'dien_thoai', 'truc_tuyen')),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawal_reason text,
        CONSTRAINT consent_guardian_named CHECK (
          (given_by = 'guardian' AND guardian_name IS NOT NULL AND guardian_relationship IS NOT NULL)
          OR (given_by = 'learner' AND guardian_name IS NULL AND guardian_relationship IS NULL)
        ),
        CONSTRAINT consent_withdrawal_whole CHECK (
          (withdrawn_at IS NULL AND withdrawn_by IS NULL AND withdrawal_reason IS NULL)
          OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL AND withdrawal_reason IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX consent_case_scope_idx ON consent (case_id, scope_kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent`);
  }
}

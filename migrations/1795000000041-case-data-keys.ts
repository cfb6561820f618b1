import { MigrationInterface, QueryRunner } from 'typeorm';

// A data key per case (data_key.scope = 'case:<id>'), so a case's sealed content can be destroyed alone at the
// end of its retention period: the key's wrapped bytes are dropped and the row kept as its tombstone. The case
// row records a supervisor's legal hold, which stops that, and when its content was shredded.
export class CaseDataKeys1795000000041 implements MigrationInterface {
  name = 'CaseDataKeys1795000000041';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_key ADD COLUMN scope text, ADD COLUMN destroyed_at timestamptz`);
    await q.query(`ALTER TABLE data_key ALTER COLUMN wrapped DROP NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX data_key_scope_idx ON data_key (scope) WHERE scope IS NOT NULL`);
    await q.query(`ALTER TABLE data_key ADD CONSTRAINT data_key_destroyed_has_no_key
      CHECK ((destroyed_at IS NULL) = (wrapped IS NOT NULL))`);
    await q.query(`ALTER TABLE data_key ADD CONSTRAINT data_key_scoped_not_active CHECK (scope IS NULL OR NOT active)`);
    await q.query(`ALTER TABLE "case"
      ADD COLUMN legal_hold_reason text,
      ADD COLUMN legal_hold_by uuid REFERENCES app_user(id),
      ADD COLUMN legal_hold_at timestamptz,
      ADD COLUMN shredded_at timestamptz`);
    await q.query(`ALTER TABLE "case" ADD CONSTRAINT case_legal_hold_whole
      CHECK ((legal_hold_reason IS NULL) = (legal_hold_at IS NULL) AND (legal_hold_by IS NULL) = (legal_hold_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ destroyed }] = await q.query(`SELECT count(*)::int AS destroyed FROM data_key WHERE scope IS NOT NULL`);
    if (destroyed > 0) throw new Error(`${destroyed} case data keys exist: their content cannot go back under the shared key by a migration`);
    await q.query(`ALTER TABLE "case" DROP CONSTRAINT case_legal_hold_whole,
      DROP COLUMN legal_hold_reason, DROP COLUMN legal_hold_by, DROP COLUMN legal_hold_at, DROP COLUMN shredded_at`);
    await q.query(`ALTER TABLE data_key DROP CONSTRAINT data_key_scoped_not_active, DROP CONSTRAINT data_key_destroyed_has_no_key`);
    await q.query(`DROP INDEX data_key_scope_idx`);
    await q.query(`ALTER TABLE data_key ALTER COLUMN wrapped SET NOT NULL`);
    await q.query(`ALTER TABLE data_key DROP COLUMN scope, DROP COLUMN destroyed_at`);
  }
}

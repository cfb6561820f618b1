import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymousIntake1795000000014 implements MigrationInterface {
  name = 'AnonymousIntake1795000000014';

  async up(q: QueryRunner): Promise<void> {
    // A report sent through the public form (channel truc_tuyen) names no learner until the case team does,
    // and was opened by nobody who logs in. Only such a case may lack either.
    await q.query(`ALTER TABLE "case" ALTER COLUMN learner_id DROP NOT NULL, ALTER COLUMN opened_by DROP NOT NULL`);
    // The reporter's tracking code, kept only as a keyed digest (HMAC under DATA_KEY): it can be matched, not read back.
    await q.query(`ALTER TABLE "case" ADD COLUMN tracking_digest text`);
    await q.query(`CREATE UNIQUE INDEX case_tracking_digest_idx ON "case" (tracking_digest) WHERE tracking_digest IS NOT NULL`);
    await q.query(`
      ALTER TABLE "case" ADD CONSTRAINT case_public_intake CHECK (
        (opened_by IS NOT NULL OR (channel = 'truc_tuyen' AND tracking_digest IS NOT NULL))
        AND (learner_id IS NOT NULL OR opened_by IS NULL)
      )`);
    // The public form's free-text contact (a phone, an e-mail or a name), sealed like the reporter's other fields.
    await q.query(`ALTER TABLE case_reporter ADD COLUMN contact text`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Cases are never deleted (their chains point at them): going back needs every public report's learner named.
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM "case" WHERE learner_id IS NULL OR opened_by IS NULL`);
    if (n > 0) throw new Error(`${n} case(s) opened by the public form still lack a learner or an opener: name them before reverting`);
    await q.query(`ALTER TABLE case_reporter DROP COLUMN contact`);
    await q.query(`ALTER TABLE "case" DROP CONSTRAINT case_public_intake`);
    await q.query(`DROP INDEX case_tracking_digest_idx`);
    await q.query(`ALTER TABLE "case" DROP COLUMN tracking_digest`);
    await q.query(`ALTER TABLE "case" ALTER COLUMN learner_id SET NOT NULL, ALTER COLUMN opened_by SET NOT NULL`);
  }
}

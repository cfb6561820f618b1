import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedFields1795000000007 implements MigrationInterface {
  name = 'SealedFields1795000000007';

  async up(q: QueryRunner): Promise<void> {
    // Data keys, stored only wrapped under the master key (DATA_KEY); exactly one seals new values.
    await q.query(`
      CREATE TABLE data_key (
        id uuid PRIMARY KEY,
        wrapped text NOT NULL,
        master_fingerprint text NOT NULL,
        active boolean NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX data_key_one_active_idx ON data_key ((true)) WHERE active`);
    // Family details become one sealed value; rows written before keep their JSON text until re-encrypted.
    await q.query(`ALTER TABLE learner ALTER COLUMN guardians DROP DEFAULT`);
    await q.query(`ALTER TABLE learner ALTER COLUMN guardians TYPE text USING guardians::text`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Sealed family details cannot become JSON again without the key: refuse rather than lose them.
    const [{ sealed }] = await q.query(`SELECT count(*)::int AS sealed FROM learner WHERE guardians LIKE 'dh1:%'`);
    if (sealed > 0) throw new Error(`${sealed} learners have sealed family details: re-encryption cannot be undone by a migration`);
    await q.query(`ALTER TABLE learner ALTER COLUMN guardians TYPE jsonb USING guardians::jsonb`);
    await q.query(`ALTER TABLE learner ALTER COLUMN guardians SET DEFAULT '[]'`);
    await q.query(`DROP TABLE data_key`);
  }
}

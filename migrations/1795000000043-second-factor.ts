import { MigrationInterface, QueryRunner } from 'typeorm';

// A user's second factor (RFC 6238 TOTP): the shared secret, sealed; pending until the user gives a first code;
// the last time step a code was accepted at, so no code is taken twice. Its recovery codes, argon2-hashed, each
// spent once. Removing the factor (an admin's reset) removes its codes.
export class SecondFactor1795000000043 implements MigrationInterface {
  name = 'SecondFactor1795000000043';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_second_factor (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        secret text NOT NULL,
        enrolled_by uuid REFERENCES app_user(id),
        enrolled_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        last_used_step integer
      )`);
    await q.query(`
      CREATE TABLE recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_second_factor(user_id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX recovery_code_user_idx ON recovery_code (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recovery_code`);
    await q.query(`DROP TABLE user_second_factor`);
  }
}

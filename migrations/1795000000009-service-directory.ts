import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceDirectory1795000000009 implements MigrationInterface {
  name = 'ServiceDirectory1795000000009';

  async up(q: QueryRunner): Promise<void> {
    // A ward's directory of referral receivers (danh bạ dịch vụ). Rows are deactivated, never deleted:
    // referrals will point at them.
    await q.query(`
      CREATE TABLE service_provider (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ward_id uuid NOT NULL REFERENCES ward(id),
        name text NOT NULL CHECK (name ~ '\\S'),
        kind text NOT NULL CHECK (kind IN ('tong_dai_111','ubnd_phuong','phong_vhxh','cong_an','y_te','doan_thanh_nien','ctxh','khac')),
        address text,
        phone text CHECK (phone ~ '^\\+?[0-9][0-9 ]*$'),
        email text,
        hours text,
        contact_person text,
        notes text,
        -- name, address, contact person and notes without diacritics or case, for the search box.
        search_key text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX service_provider_ward_idx ON service_provider (ward_id, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_provider`);
  }
}

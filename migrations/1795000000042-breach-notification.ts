import { MigrationInterface, QueryRunner } from 'typeorm';

// A suspected personal-data breach (Law 91/2025/QH15, Decree 356/2025/NĐ-CP; issue 19 point 4): what the admin
// recorded, and the steps taken since — the authority notified, the guardians notified, closed with its outcome.
// Its 72-hour clock is the escalations' deadline machinery: one school clock per school it concerns, joined here.
export class BreachNotification1795000000042 implements MigrationInterface {
  name = 'BreachNotification1795000000042';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_breach (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        description text NOT NULL CHECK (description ~ '\\S'),
        detected_at timestamptz NOT NULL,
        categories text[] NOT NULL CHECK (
          cardinality(categories) >= 1
          AND categories <@ ARRAY['identity','contact','health','family','abuse_protection','counselling','other']::text[]
        ),
        subjects_estimate integer NOT NULL CHECK (subjects_estimate >= 0),
        school_ids uuid[] NOT NULL,
        consequences text NOT NULL,
        measures_taken text NOT NULL,
        responsible jsonb NOT NULL,
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL,
        authority_notified_at timestamptz,
        authority_reference text,
        late_reason text,
        authority_recorded_by uuid REFERENCES app_user(id),
        guardians_notified_at timestamptz,
        guardians_notified integer CHECK (guardians_notified >= 0),
        guardians_how text CHECK (guardians_how IN ('van_ban','dien_thoai','truc_tuyen','truc_tiep')),
        guardians_recorded_by uuid REFERENCES app_user(id),
        closed_at timestamptz,
        finding text CHECK (finding IN ('confirmed','not_a_breach')),
        outcome text,
        closed_by uuid REFERENCES app_user(id),
        CHECK ((authority_notified_at IS NULL) = (authority_recorded_by IS NULL)),
        CHECK ((guardians_notified_at IS NULL) = (guardians_recorded_by IS NULL)),
        CHECK ((closed_at IS NULL) = (outcome IS NULL) AND (closed_at IS NULL) = (finding IS NULL)),
        CHECK (finding IS DISTINCT FROM 'confirmed' OR authority_notified_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX data_breach_detected_idx ON data_breach (detected_at DESC, id)`);
    await q.query(`
      CREATE TABLE data_breach_clock (
        breach_id uuid NOT NULL REFERENCES data_breach(id),
        deadline_id uuid NOT NULL UNIQUE REFERENCES deadline(id),
        PRIMARY KEY (breach_id, deadline_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_breach_clock`);
    await q.query(`DROP TABLE data_breach`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1795000000013 implements MigrationInterface {
  name = 'Referrals1795000000013';

  async up(q: QueryRunner): Promise<void> {
    // The closed-loop referral (Mẫu 03): who sent it to which receiver of the directory, why, on which consents,
    // and the receiver's answer and feedback as the counsellor recorded them. The receiver and the sender are
    // copied as they stood when it was sent: the slip stays what was sent, whatever the directory says later.
    // reason, answer_note, declined_reason, feedback and outcome are sealed (libs/crypto), like the trail.
    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES "case"(id),
        seq int NOT NULL CHECK (seq > 0),
        school_id uuid NOT NULL REFERENCES school(id),
        receiver_id uuid NOT NULL REFERENCES service_provider(id),
        receiver_name text NOT NULL,
        receiver_kind text NOT NULL,
        receiver_address text,
        receiver_phone text,
        receiver_email text,
        receiver_contact_person text,
        sender_id uuid NOT NULL REFERENCES app_user(id),
        sender_name text NOT NULL,
        sender_title text,
        sender_unit text NOT NULL,
        sender_phone text,
        sender_email text,
        reason text NOT NULL,
        areas text[] NOT NULL CHECK (cardinality(areas) > 0),
        consent_ids uuid[] NOT NULL,
        to_ward boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'completed')),
        sent_at timestamptz NOT NULL,
        answered_at timestamptz,
        receiver_contact text,
        answer_note text,
        declined_reason text,
        completed_at timestamptz,
        feedback text,
        outcome text,
        CONSTRAINT referral_answered CHECK ((status = 'sent') = (answered_at IS NULL)),
        CONSTRAINT referral_declined_reason CHECK ((status = 'declined') = (declined_reason IS NOT NULL)),
        CONSTRAINT referral_completed CHECK ((status = 'completed') = (completed_at IS NOT NULL AND feedback IS NOT NULL))
      )`);
    // The case's first, second … referral: the order to list them in, even when two share a clock instant.
    await q.query(`CREATE UNIQUE INDEX referral_case_seq ON referral (case_id, seq)`);
    // A case stands in one referral at a time (the machine's referral state): at most one open row.
    await q.query(`CREATE UNIQUE INDEX referral_one_open_per_case ON referral (case_id) WHERE status IN ('sent', 'accepted')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

// Every record row: which case (and its school, the tenancy boundary), who wrote it and when.
const COMMON = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES "case"(id),
  school_id uuid NOT NULL REFERENCES school(id),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL`;

const WAYS = `('truc_tiep', 'dien_thoai', 'truc_tuyen', 'van_ban')`;

const TABLES = ['assessment_record', 'support_plan', 'closure_record', 'counselling_session', 'family_contact', 'follow_up_contact'];

// The content of a case's events (Forms 02 and 04 are built from these tables). Columns marked "sealed" hold
// `dh1:` values (libs/crypto, context "<table>.<column>"); "sealed JSON" a sealed JSON array. Rows are
// written in the transaction of the event they record, and never updated: a revision is a new row.
export class CaseRecords1795000000012 implements MigrationInterface {
  name = 'CaseRecords1795000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_record (${COMMON},
        risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
        risk_rationale text NOT NULL,
        difficulties text NOT NULL,
        needs text NOT NULL,
        wishes text,
        facts text,
        preliminary_view text,
        areas jsonb
      )`);
    await q.query(`COMMENT ON TABLE assessment_record IS 'COMPLETE_ASSESSMENT: Mẫu 02 assessment. Sealed: risk_rationale, difficulties, needs, wishes, facts, preliminary_view. areas: [{code, priority}] ranked 1..n'`);

    await q.query(`
      CREATE TABLE support_plan (${COMMON},
        revision int NOT NULL CHECK (revision >= 1),
        event text NOT NULL CHECK (event IN ('SUBMIT_PLAN', 'REVISE_PLAN')),
        revision_reason text,
        goals text NOT NULL,
        responsible text NOT NULL,
        review_date date NOT NULL,
        activities text,
        form text CHECK (form IN ('truc_tiep', 'truc_tuyen')),
        partners text,
        resources text,
        time_and_place text,
        end_date date,
        CONSTRAINT support_plan_revision_unique UNIQUE (case_id, revision),
        CONSTRAINT support_plan_revision_reason CHECK ((event = 'REVISE_PLAN') = (revision_reason IS NOT NULL))
      )`);
    await q.query(`COMMENT ON TABLE support_plan IS 'SUBMIT_PLAN / REVISE_PLAN: one row per submission, revision 1..n per case; the highest revision is the current plan. Sealed: revision_reason, resources, time_and_place; sealed JSON: goals, activities, partners'`);

    await q.query(`
      CREATE TABLE closure_record (${COMMON},
        event text NOT NULL CHECK (event IN ('PROPOSE_CLOSURE', 'CLOSE', 'CLOSE_AT_INTAKE')),
        outcome text,
        results_achieved text,
        results_not_achieved text,
        reason text,
        follow_up_plan text,
        CONSTRAINT closure_record_outcome CHECK (event = 'CLOSE_AT_INTAKE' OR outcome IS NOT NULL),
        CONSTRAINT closure_record_intake_reason CHECK (event <> 'CLOSE_AT_INTAKE' OR reason IS NOT NULL)
      )`);
    await q.query(`COMMENT ON TABLE closure_record IS 'PROPOSE_CLOSURE / CLOSE / CLOSE_AT_INTAKE: Mẫu 04. A proposal rejected stays; the latest row is the closure. Sealed: outcome, results_achieved, results_not_achieved, reason, follow_up_plan'`);

    await q.query(`
      CREATE TABLE counselling_session (${COMMON},
        mode text NOT NULL CHECK (mode IN ('truc_tiep', 'truc_tuyen')),
        place text,
        channel text CHECK (channel IN ('dien_thoai', 'zalo', 'video', 'tin_nhan', 'khac')),
        started_at timestamptz NOT NULL,
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 600),
        methods text NOT NULL,
        evaluation text NOT NULL,
        ending text NOT NULL CHECK (ending IN ('dung_va_theo_doi', 'tiep_tuc', 'chuyen_gui')),
        refer_to text,
        next_appointment timestamptz,
        areas jsonb,
        CONSTRAINT counselling_session_place CHECK (mode <> 'truc_tiep' OR place IS NOT NULL),
        CONSTRAINT counselling_session_channel CHECK (mode <> 'truc_tuyen' OR channel IS NOT NULL),
        CONSTRAINT counselling_session_refer_to CHECK (ending <> 'chuyen_gui' OR refer_to IS NOT NULL)
      )`);
    await q.query(`COMMENT ON TABLE counselling_session IS 'SESSION_RECORDED: Mẫu 02 session. Sealed: place, evaluation, refer_to; sealed JSON: methods'`);

    await q.query(`
      CREATE TABLE family_contact (${COMMON},
        contacted_at timestamptz NOT NULL,
        person_name text NOT NULL,
        person_relationship text NOT NULL,
        how text NOT NULL CHECK (how IN ${WAYS}),
        content text NOT NULL,
        agreed text
      )`);
    await q.query(`COMMENT ON TABLE family_contact IS 'FAMILY_CONTACT_RECORDED. Sealed: person_name, person_relationship, content, agreed'`);

    await q.query(`
      CREATE TABLE follow_up_contact (${COMMON},
        contacted_at timestamptz NOT NULL,
        how text NOT NULL CHECK (how IN ${WAYS}),
        with_whom text NOT NULL,
        result_kept boolean NOT NULL,
        notes text NOT NULL,
        closed_deadline text
      )`);
    await q.query(`COMMENT ON TABLE follow_up_contact IS 'FOLLOW_UP_RECORDED, while the case is in closed.followUp. closed_deadline: the follow-up clock it answered (follow_up_30, follow_up_90). Sealed: with_whom, notes'`);

    for (const table of TABLES) await q.query(`CREATE INDEX ${table}_case_idx ON ${table} (case_id, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHOOL_YEAR = `school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$' AND right(school_year, 4)::int = left(school_year, 4)::int + 1)`;

// A school's report to the ward (issue 17): its figures frozen when drafted or refreshed, the principal's texts,
// its place in the workflow (draft → submitted → accepted, or returned to draft), and when submitted the anchor:
// the head of every case chain of the school at that moment. Its history is append-only.
export class Reports1795000000039 implements MigrationInterface {
  name = 'Reports1795000000039';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        school_id uuid NOT NULL REFERENCES school(id),
        kind text NOT NULL CHECK (kind IN ('semester_1','school_year','incident')),
        ${SCHOOL_YEAR},
        incident_case_id uuid REFERENCES "case"(id),
        incident_summary text,
        status text NOT NULL CHECK (status IN ('draft','submitted','accepted')),
        figures jsonb NOT NULL,
        figures_at timestamptz NOT NULL,
        texts jsonb NOT NULL,
        version integer NOT NULL,
        content_digest text NOT NULL,
        anchor jsonb,
        anchor_digest text,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES app_user(id),
        accepted_at timestamptz,
        accepted_by uuid REFERENCES app_user(id),
        CHECK ((kind = 'incident') = (incident_case_id IS NOT NULL)),
        CHECK ((status = 'draft') = (submitted_at IS NULL)),
        CHECK ((anchor IS NULL) = (anchor_digest IS NULL))
      )`);
    // One semester or school-year report per school and year (returned ones come back to the same row);
    // incidents may be several.
    await q.query(
      `CREATE UNIQUE INDEX report_one_per_period ON report (school_id, kind, school_year) WHERE kind <> 'incident'`,
    );
    await q.query(`CREATE INDEX report_year_idx ON report (school_year, kind, status)`);
    await q.query(`
      CREATE TABLE report_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES report(id),
        version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('created','refreshed','edited','submitted','returned','accepted')),
        at timestamptz NOT NULL,
        by_user uuid NOT NULL REFERENCES app_user(id),
        reason text,
        content_digest text NOT NULL,
        anchor jsonb,
        anchor_digest text,
        UNIQUE (report_id, version)
      )`);
    // Every submission keeps its anchor here, a returned one too: a printed report's digest finds it.
    await q.query(
      `CREATE INDEX report_event_anchor_idx ON report_event (anchor_digest) WHERE anchor_digest IS NOT NULL`,
    );
    await q.query(`
      CREATE TRIGGER report_event_no_update_delete BEFORE UPDATE OR DELETE ON report_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER report_event_no_truncate BEFORE TRUNCATE ON report_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_event`);
    await q.query(`DROP TABLE report`);
  }
}

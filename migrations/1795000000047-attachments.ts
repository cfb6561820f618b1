import { MigrationInterface, QueryRunner } from 'typeorm';

// Files attached to a case (a scanned letter, a photo of a certificate). The caption, the file's name and a
// withdrawal's reason are sealed like the case's other confidential columns; the bytes are sealed in 64 KiB
// chunks under the case's own data key, so shredding the case destroys them with the rest. A withdrawn file stays.
export class Attachments1795000000047 implements MigrationInterface {
  name = 'Attachments1795000000047';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_attachment (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "case"(id),
        record_id uuid,
        kind text NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'heic', 'docx')),
        caption text NOT NULL,
        file_name text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        data_key_id uuid NOT NULL REFERENCES data_key(id),
        chunks integer NOT NULL CHECK (chunks > 0),
        uploaded_by uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL,
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawn_at timestamptz,
        withdraw_reason text,
        CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX case_attachment_case_idx ON case_attachment (case_id, uploaded_at)`);
    // The chunks are written as the upload streams in, before its row (known only at the end): the key checked at commit.
    await q.query(`
      CREATE TABLE case_attachment_chunk (
        attachment_id uuid NOT NULL REFERENCES case_attachment(id) DEFERRABLE INITIALLY DEFERRED,
        seq integer NOT NULL CHECK (seq >= 0),
        sealed bytea NOT NULL,
        PRIMARY KEY (attachment_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_attachment_chunk`);
    await q.query(`DROP TABLE case_attachment`);
  }
}

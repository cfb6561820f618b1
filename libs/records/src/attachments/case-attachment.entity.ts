import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ATTACHMENT_KINDS = ['pdf', 'jpeg', 'png', 'heic', 'docx'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

// A file attached to a case (ATTACHMENT_ADDED). caption, file_name and withdraw_reason are sealed under the case's
// data key; the bytes are in case_attachment_chunk (or a file under ATTACHMENTS_DIR: attachment-store.ts), sealed
// under the key named here. Withdrawn, never deleted.
@Entity('case_attachment')
export class CaseAttachment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  // The record (a session, a family contact, …) the file belongs to, when the uploader named one.
  @Column('uuid', { name: 'record_id', nullable: true })
  recordId!: string | null;

  @Column('text')
  kind!: AttachmentKind;

  @Column('text')
  caption!: string;

  @Column('text', { name: 'file_name' })
  fileName!: string;

  // bigint comes back from pg as a string: read as a number (a file is at most ATTACHMENT_MAX_BYTES).
  @Column('bigint', { name: 'size_bytes', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;

  @Column('text')
  sha256!: string;

  @Column('uuid', { name: 'data_key_id' })
  dataKeyId!: string;

  @Column('int')
  chunks!: number;

  @Column('uuid', { name: 'uploaded_by' })
  uploadedBy!: string;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt!: Date;

  @Column('uuid', { name: 'withdrawn_by', nullable: true })
  withdrawnBy!: string | null;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  @Column('text', { name: 'withdraw_reason', nullable: true })
  withdrawReason!: string | null;
}

// One sealed chunk of an attachment's bytes (chunk-cipher.ts).
@Entity('case_attachment_chunk')
export class CaseAttachmentChunk {
  @PrimaryColumn('uuid', { name: 'attachment_id' })
  attachmentId!: string;

  @PrimaryColumn('int')
  seq!: number;

  @Column('bytea')
  sealed!: Buffer;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TRANSFER_KINDS = ['learner', 'case'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

// expired: left unanswered for TRANSFER_REQUEST_WORKING_DAYS working days (the escalation sweep marks it).
export const TRANSFER_STATUSES = ['requested', 'accepted', 'declined', 'expired'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

// Why a case moved without the family's consent: its open child-protection concern, which the law makes the
// school's duty to follow wherever the learner goes.
export type TransferLegalBasis = { consentRequired: false; basis: string; basisEn: string };

// A learner's record, or one of their open cases, asked to move to another school of the installation. The
// sending school's supervisor asks; the receiving school's supervisor accepts or declines, or the request expires.
@Entity('case_transfer')
export class CaseTransfer {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: TransferKind;

  @Column('uuid', { name: 'learner_id' })
  learnerId!: string;

  // null for a learner's own record.
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('uuid', { name: 'from_school_id' })
  fromSchoolId!: string;

  @Column('uuid', { name: 'to_school_id' })
  toSchoolId!: string;

  @Column('text')
  status!: TransferStatus;

  @Column('uuid', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  // Set when the case moves on the law's duty rather than on consent (an open protection concern).
  @Column('jsonb', { name: 'legal_basis', nullable: true })
  legalBasis!: TransferLegalBasis | null;

  // The consents the move relied on, as the ledger answered at the request.
  @Column('jsonb', { name: 'consent_ids', nullable: true })
  consentIds!: string[] | null;

  @Column('uuid', { name: 'answered_by', nullable: true })
  answeredBy!: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason!: string | null;

  // The CASE_TRANSFERRED event's number in the case's chain: the sending school reads the chain up to it.
  @Column('int', { name: 'transfer_seq', nullable: true })
  transferSeq!: number | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DATA_REQUEST_KINDS = ['access', 'rectify', 'erase', 'restrict'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export type DataRequestStatus = 'open' | 'done' | 'refused';

// Why a request to erase or restrict was refused, case by case: the records must still be kept.
export type Refusal = {
  caseId: string;
  code: string;
  reason: 'case_open' | 'protection_concern_open' | 'legal_hold' | 'retention_not_over';
  dueAt?: string;
};

export type DataRequestOutcome = {
  refusals?: Refusal[];
  shreddedCases?: string[];
  deidentified?: boolean;
  exportedCases?: string[];
  rectified?: { field: string; caseId: string | null }[];
};

// A learner's or guardian's request (Law 91/2025): recorded by a supervisor or the principal, answered within the
// working days the configuration gives, its clock escalating like a case's.
@Entity('data_request')
export class DataRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'learner_id' })
  learnerId!: string;

  @Column('text')
  kind!: DataRequestKind;

  // Sealed (the shared key): a family member's name.
  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('text')
  relationship!: string;

  // Sealed: what to correct, or why.
  @Column('text', { nullable: true })
  details!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  status!: DataRequestStatus;

  @Column('uuid', { name: 'answered_by', nullable: true })
  answeredBy!: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('jsonb', { nullable: true })
  outcome!: DataRequestOutcome | null;
}

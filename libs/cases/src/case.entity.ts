import { AfterLoad, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseContext, RiskLevel } from '@dh/machines/case/types';

export const AREA_CODES = [
  'hoc_tap',
  'gioi_quan_he',
  'tam_ly',
  'ky_nang_song',
  'huong_nghiep',
  'chinh_sach_phap_luat',
  'dich_vu_ctxh',
] as const;
export type AreaCode = (typeof AREA_CODES)[number];
export type RankedArea = { code: AreaCode; priority: number };

export const CHANNELS = [
  'truc_tiep',
  'giao_vien',
  'cha_me',
  'hom_thu',
  'duong_day_nong',
  'truc_tuyen',
  'co_quan',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

// state, assigneeId and riskLevel are projections of the stored machine snapshot, kept as columns for filtering.
@Entity('case')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text')
  code!: string;

  // null: a report from the public form whose learner the case team has not named yet.
  @Column('uuid', { name: 'learner_id', nullable: true })
  learnerId!: string | null;

  @Column('jsonb')
  areas!: RankedArea[];

  @Column('text')
  channel!: Channel;

  @Column('text')
  summary!: string;

  @Column('text', { name: 'risk_level' })
  riskLevel!: RiskLevel;

  @Column('text', { name: 'risk_rationale' })
  riskRationale!: string;

  // The rest of Mẫu 01's narrative, sealed like the summary; null where the intake did not record it.
  @Column('text', { name: 'family_circumstances', nullable: true })
  familyCircumstances!: string | null;

  @Column('text', { name: 'actions_taken', nullable: true })
  actionsTaken!: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  // null: opened by the public form, by nobody who logs in.
  @Column('uuid', { name: 'opened_by', nullable: true })
  openedBy!: string | null;

  // The public form's tracking code as a keyed digest (FieldCipher.digest); null for every other case.
  @Column('text', { name: 'tracking_digest', nullable: true, select: false })
  trackingDigest!: string | null;

  // Sent through the public form while its school received more than the flood threshold (libs/intake): in the
  // intake queue like any report, summed up in one alert instead of its own, closable with the others at once.
  @Column('boolean', { name: 'bulk_triage', default: false })
  bulkTriage!: boolean;

  // The case records a school-violence incident (Decree 80/2017), at intake or by a concern of that kind: the
  // family is owed word of it within the policy's time (libs/escalations SCHOOL_VIOLENCE_FAMILY).
  @Column('boolean', { name: 'school_violence', default: false })
  schoolViolence!: boolean;

  @Column('text')
  state!: string;

  @Column('jsonb')
  snapshot!: unknown;

  @Column('text', { name: 'machine_version' })
  machineVersion!: string;

  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'clocks_paused_at', nullable: true })
  clocksPausedAt!: Date | null;

  // Set by a REFER to the ward, cleared when the case leaves referral: while set, the ward's officers read it.
  @Column('timestamptz', { name: 'referred_to_ward_at', nullable: true })
  referredToWardAt!: Date | null;

  // The head of the case's audit chain (seq and hash of its newest event; 0 and null before the first). Written
  // only by AuditService, in the event's transaction, so never inserted or updated from here; loaded only with the
  // row's lock (CaseService.findVisible), for the transition that appends after it.
  @Column({ type: 'int', name: 'audit_head_seq', select: false, insert: false, update: false })
  auditHeadSeq!: number;

  @Column({ type: 'text', name: 'audit_head_hash', nullable: true, select: false, insert: false, update: false })
  auditHeadHash!: string | null;

  // A supervisor's legal hold: while set, the retention sweep leaves the case's content alone.
  @Column('text', { name: 'legal_hold_reason', nullable: true })
  legalHoldReason!: string | null;

  @Column('uuid', { name: 'legal_hold_by', nullable: true })
  legalHoldBy!: string | null;

  @Column('timestamptz', { name: 'legal_hold_at', nullable: true })
  legalHoldAt!: Date | null;

  // When its retention period ended and its data key was destroyed: its sealed content reads as SHREDDED_TEXT.
  @Column('timestamptz', { name: 'shredded_at', nullable: true })
  shreddedAt!: Date | null;

  // When the information reached the school, which may be before it was recorded (created_at): the case's
  // first clocks and Form 01 count from it.
  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  // Snapshots stored before the machine kept whether the learner is named read it from the row: a report from the
  // public form's is unknown until the team names them. The one tolerant read; the next write stores it.
  @AfterLoad()
  protected afterLoad(): void {
    learnerKnownFromRow(this);
  }
}

// Also called by the hand-written row read (read/case-row-read.ts), which TypeORM's listeners do not see.
export const learnerKnownFromRow = (row: CaseEntity): void => {
  const context = (row.snapshot as { context?: Partial<CaseContext> } | null | undefined)?.context;
  if (context && typeof context === 'object' && context.learnerKnown === undefined && row.learnerId !== undefined) {
    context.learnerKnown = row.learnerId !== null;
  }
};

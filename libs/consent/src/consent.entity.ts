import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONSENT_GIVERS = ['learner', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CONSENT_KINDS = ['referral', 'school_transfer', 'parent_body', 'other'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

// van_ban: in writing; truc_tiep: in person, spoken; dien_thoai: by phone; truc_tuyen: online.
export const CONSENT_WAYS = ['van_ban', 'truc_tiep', 'dien_thoai', 'truc_tuyen'] as const;
export type ConsentWay = (typeof CONSENT_WAYS)[number];

// One agreement to share a case's information outside the case team. The guardian's name and relationship
// (family details), the purpose and the withdrawal reason (the counsellor's words) are sealed.
@Entity('consent')
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'given_by' })
  givenBy!: ConsentGiver;

  @Column('text', { name: 'guardian_name', nullable: true })
  guardianName!: string | null;

  @Column('text', { name: 'guardian_relationship', nullable: true })
  guardianRelationship!: string | null;

  @Column('text', { name: 'scope_kind' })
  scopeKind!: ConsentKind;

  // An organisation of the service directory; null: any receiver of this kind.
  @Column('uuid', { name: 'receiver_id', nullable: true })
  receiverId!: string | null;

  @Column('text')
  purpose!: string;

  // The day it was given, as the family and school count days (TZ_NAME).
  @Column('date', { name: 'given_at' })
  givenAt!: string;

  @Column('text')
  how!: ConsentWay;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  @Column('uuid', { name: 'withdrawn_by', nullable: true })
  withdrawnBy!: string | null;

  @Column('text', { name: 'withdrawal_reason', nullable: true })
  withdrawalReason!: string | null;
}

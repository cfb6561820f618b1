import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// The kinds of personal data a breach may touch, as the recording form offers them: what the letter to the
// authority and the notice to guardians name (Decree 356/2025 asks for the types of data concerned).
export const BREACH_CATEGORIES = [
  'identity',
  'contact',
  'health',
  'family',
  'abuse_protection',
  'counselling',
  'other',
] as const;
export type BreachCategory = (typeof BREACH_CATEGORIES)[number];

// How the guardians were told, in the words the case records use for a contact.
export const NOTICE_WAYS = ['van_ban', 'dien_thoai', 'truc_tuyen', 'truc_tiep'] as const;
export type NoticeWay = (typeof NOTICE_WAYS)[number];

// Closed as a breach confirmed (the authority was told), or as a suspicion that proved no breach.
export const BREACH_FINDINGS = ['confirmed', 'not_a_breach'] as const;
export type BreachFinding = (typeof BREACH_FINDINGS)[number];

export type BreachResponsible = { fullName: string; position: string | null; phone: string; email: string | null };

@Entity('data_breach')
export class DataBreach {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  description!: string;

  @Column('timestamptz', { name: 'detected_at' })
  detectedAt!: Date;

  @Column('text', { array: true })
  categories!: BreachCategory[];

  @Column('int', { name: 'subjects_estimate' })
  subjectsEstimate!: number;

  // Empty: the breach is not limited to schools anyone could name, so it concerns every school.
  @Column('uuid', { name: 'school_ids', array: true })
  schoolIds!: string[];

  @Column('text')
  consequences!: string;

  @Column('text', { name: 'measures_taken' })
  measuresTaken!: string;

  // Who answers for the breach towards the authority and the families: the letter's contact.
  @Column('jsonb')
  responsible!: BreachResponsible;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('timestamptz', { name: 'authority_notified_at', nullable: true })
  authorityNotifiedAt!: Date | null;

  @Column('text', { name: 'authority_reference', nullable: true })
  authorityReference!: string | null;

  // Why the authority heard of it after the 72 hours (the law asks the reason with a late notification).
  @Column('text', { name: 'late_reason', nullable: true })
  lateReason!: string | null;

  @Column('uuid', { name: 'authority_recorded_by', nullable: true })
  authorityRecordedBy!: string | null;

  @Column('timestamptz', { name: 'guardians_notified_at', nullable: true })
  guardiansNotifiedAt!: Date | null;

  @Column('int', { name: 'guardians_notified', nullable: true })
  guardiansNotified!: number | null;

  @Column('text', { name: 'guardians_how', nullable: true })
  guardiansHow!: NoticeWay | null;

  @Column('uuid', { name: 'guardians_recorded_by', nullable: true })
  guardiansRecordedBy!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { nullable: true })
  finding!: BreachFinding | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('uuid', { name: 'closed_by', nullable: true })
  closedBy!: string | null;
}

// The school clocks (escalations' deadlines) of one breach: one per school it concerns.
@Entity('data_breach_clock')
export class DataBreachClock {
  @PrimaryColumn('uuid', { name: 'breach_id' })
  breachId!: string;

  @PrimaryColumn('uuid', { name: 'deadline_id' })
  deadlineId!: string;
}

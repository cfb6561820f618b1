import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AreaCode } from '@dh/cases';
import type { ProviderKind } from '@dh/directory';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

// One referral of a case (Mẫu 03), closed loop: sent → accepted or declined → completed with feedback. The
// receiver and the sender are copied as they stood when it was sent. Sealed: reason, answerNote,
// declinedReason, feedback, outcome (RECORD_SEALED_COLUMNS.referral).
@Entity('referral')
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  // 1, 2, … within the case, in the order sent.
  @Column('int')
  seq!: number;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'receiver_id' })
  receiverId!: string;

  @Column('text', { name: 'receiver_name' })
  receiverName!: string;

  @Column('text', { name: 'receiver_kind' })
  receiverKind!: ProviderKind;

  @Column('text', { name: 'receiver_address', nullable: true })
  receiverAddress!: string | null;

  @Column('text', { name: 'receiver_phone', nullable: true })
  receiverPhone!: string | null;

  @Column('text', { name: 'receiver_email', nullable: true })
  receiverEmail!: string | null;

  @Column('text', { name: 'receiver_contact_person', nullable: true })
  receiverContactPerson!: string | null;

  @Column('uuid', { name: 'sender_id' })
  senderId!: string;

  @Column('text', { name: 'sender_name' })
  senderName!: string;

  @Column('text', { name: 'sender_title', nullable: true })
  senderTitle!: string | null;

  @Column('text', { name: 'sender_unit' })
  senderUnit!: string;

  @Column('text', { name: 'sender_phone', nullable: true })
  senderPhone!: string | null;

  @Column('text', { name: 'sender_email', nullable: true })
  senderEmail!: string | null;

  @Column('text')
  reason!: string;

  @Column('text', { array: true })
  areas!: AreaCode[];

  @Column('uuid', { name: 'consent_ids', array: true })
  consentIds!: string[];

  @Column('boolean', { name: 'to_ward' })
  toWard!: boolean;

  @Column('text')
  status!: ReferralStatus;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  // Who at the receiver answered or took the learner on.
  @Column('text', { name: 'receiver_contact', nullable: true })
  receiverContact!: string | null;

  @Column('text', { name: 'answer_note', nullable: true })
  answerNote!: string | null;

  @Column('text', { name: 'declined_reason', nullable: true })
  declinedReason!: string | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  feedback!: string | null;

  @Column('text', { nullable: true })
  outcome!: string | null;
}

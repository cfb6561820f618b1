import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('alert')
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('uuid', { name: 'deadline_id', nullable: true })
  deadlineId!: string | null;

  @Column('text')
  level!: string;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'reason_en' })
  reasonEn!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('uuid', { name: 'acknowledged_by', nullable: true })
  acknowledgedBy!: string | null;

  @Column('text', { name: 'next_action', nullable: true })
  nextAction!: string | null;
}

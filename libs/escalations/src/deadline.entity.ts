import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EscalationTarget } from '@dh/machines/case/types';

export type DeadlineRule = 'default' | 'plan_review_date' | 'plan_end_date';
export type ClosedAs = 'satisfied' | 'stopped';
export type Level = 'reminder' | 'overdue' | 'principal' | 'ward';
export const LEVELS: Level[] = ['reminder', 'overdue', 'principal', 'ward'];

@Entity('deadline')
export class Deadline {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('text')
  kind!: string;

  @Column('text')
  label!: string;

  @Column('text', { name: 'label_en' })
  labelEn!: string;

  @Column('text', { nullable: true })
  state!: string | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text', { name: 'escalate_to', array: true })
  escalateTo!: EscalationTarget[];

  @Column('text')
  clock!: 'working' | 'calendar';

  // What set the due time: the spec's duration, or a date of the case's plan.
  @Column('text', { default: 'default' })
  rule!: DeadlineRule;

  @Column('int', { name: 'repeat_days', nullable: true })
  repeatDays!: number | null;

  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  // Answered (a follow-up contact) or stopped early by a supervisor; null when it closed by leaving its state.
  @Column('text', { name: 'closed_as', nullable: true })
  closedAs!: ClosedAs | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@Entity('deadline_level')
export class DeadlineLevel {
  @PrimaryColumn('uuid', { name: 'deadline_id' })
  deadlineId!: string;

  @PrimaryColumn('text')
  level!: Level;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  status!: 'pending' | 'paused' | 'fired' | 'cancelled';

  @Column('timestamptz', { name: 'fired_at', nullable: true })
  firedAt!: Date | null;
}

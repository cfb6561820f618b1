import { Column, Entity } from 'typeorm';
import type { SupportForm } from '@dh/cases';
import { CaseRecordBase } from '../case-records/case-record-base';

// One submission of the support plan (SUBMIT_PLAN, REVISE_PLAN): revision 1..n per case, the highest is the
// current plan. goals, activities and partners are sealed JSON lists.
@Entity('support_plan')
export class SupportPlan extends CaseRecordBase {
  @Column('int')
  revision!: number;

  @Column('text')
  event!: 'SUBMIT_PLAN' | 'REVISE_PLAN';

  @Column('text', { name: 'revision_reason', nullable: true })
  revisionReason!: string | null;

  @Column('text')
  goals!: string;

  @Column('text')
  responsible!: string;

  @Column('date', { name: 'review_date' })
  reviewDate!: string;

  @Column('text', { nullable: true })
  activities!: string | null;

  @Column('text', { nullable: true })
  form!: SupportForm | null;

  @Column('text', { nullable: true })
  partners!: string | null;

  @Column('text', { nullable: true })
  resources!: string | null;

  @Column('text', { name: 'time_and_place', nullable: true })
  timeAndPlace!: string | null;

  @Column('date', { name: 'end_date', nullable: true })
  endDate!: string | null;
}

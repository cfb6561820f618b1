import { Column, Entity } from 'typeorm';
import { CaseRecordBase } from '../case-records/case-record-base';

export type ClosureEvent = 'PROPOSE_CLOSURE' | 'CLOSE' | 'CLOSE_AT_INTAKE';

// Mẫu 04: a closure proposed or made. A proposal the supervisor rejects stays; the latest row is the closure.
// Closing at intake records only its reason.
@Entity('closure_record')
export class ClosureRecord extends CaseRecordBase {
  @Column('text')
  event!: ClosureEvent;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('text', { name: 'results_achieved', nullable: true })
  resultsAchieved!: string | null;

  @Column('text', { name: 'results_not_achieved', nullable: true })
  resultsNotAchieved!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { name: 'follow_up_plan', nullable: true })
  followUpPlan!: string | null;
}

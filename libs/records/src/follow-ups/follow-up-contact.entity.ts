import { Column, Entity } from 'typeorm';
import { CaseRecordBase } from '../case-records/case-record-base';
import type { ContactWay } from '../case-records/record-fields';

// A follow-up contact after closure (FOLLOW_UP_RECORDED): whether the result holds. closedDeadline names the
// follow-up clock it answered, if one was open.
@Entity('follow_up_contact')
export class FollowUpContact extends CaseRecordBase {
  @Column('timestamptz', { name: 'contacted_at' })
  contactedAt!: Date;

  @Column('text')
  how!: ContactWay;

  @Column('text', { name: 'with_whom' })
  withWhom!: string;

  @Column('boolean', { name: 'result_kept' })
  resultKept!: boolean;

  @Column('text')
  notes!: string;

  @Column('text', { name: 'closed_deadline', nullable: true })
  closedDeadline!: string | null;
}

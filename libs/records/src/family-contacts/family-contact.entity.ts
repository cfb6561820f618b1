import { Column, Entity } from 'typeorm';
import { CaseRecordBase } from '../case-records/case-record-base';
import type { ContactWay } from '../case-records/record-fields';

// A contact with the learner's family (FAMILY_CONTACT_RECORDED): who, how, what was said and agreed, all sealed
// but the way and the time.
@Entity('family_contact')
export class FamilyContact extends CaseRecordBase {
  @Column('timestamptz', { name: 'contacted_at' })
  contactedAt!: Date;

  @Column('text', { name: 'person_name' })
  personName!: string;

  @Column('text', { name: 'person_relationship' })
  personRelationship!: string;

  @Column('text')
  how!: ContactWay;

  @Column('text')
  content!: string;

  @Column('text', { nullable: true })
  agreed!: string | null;
}

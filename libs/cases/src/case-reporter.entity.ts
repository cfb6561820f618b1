import { Column, Entity, PrimaryColumn } from 'typeorm';

// Apart from the case: who reported is confidential (Decree 56 Art. 24) and read by fewer people.
@Entity('case_reporter')
export class CaseReporter {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('boolean')
  anonymous!: boolean;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  relationship!: string | null;

  // The public form's free-text contact (phone, e-mail or a name), as the reporter typed it.
  @Column('text', { nullable: true })
  contact!: string | null;
}

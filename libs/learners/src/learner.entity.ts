import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type Sex = 'nam' | 'nu' | 'khong_ro';
// What the forms print of each member of the family (Mẫu 01, 02: a parent's age and occupation; Mẫu 04: the carer's
// year of birth). `currentCarer` marks the one the learner lives with now, at most one per family.
export type Guardian = {
  fullName: string;
  relationship: string;
  phone?: string;
  yearOfBirth?: number;
  occupation?: string;
  currentCarer?: boolean;
};

@Entity('learner')
export class Learner {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  // The name without diacritics, lower case: the order of the lists.
  @Column('text', { name: 'name_key' })
  nameKey!: string;

  // What the look-alike check and the name search compare (learnerNameKey): the name's skeleton.
  @Column('text', { name: 'skeleton_key' })
  skeletonKey!: string;

  @Column('date', { name: 'date_of_birth' })
  dateOfBirth!: string;

  @Column('text')
  sex!: Sex;

  @Column('text', { name: 'class_name' })
  className!: string;

  // Family details (Decree 56 Art. 33): a sealed JSON list of guardians, opened only for the case team.
  @Column('text')
  guardians!: string;

  // The national learner ID (Mã định danh, 10 to 12 digits), sealed like the family; a roster import matches it by
  // its keyed digest (FieldCipher.digest), unique within the school, without opening any row.
  @Column('text', { name: 'national_code', nullable: true })
  nationalId!: string | null;

  @Column('text', { name: 'national_code_digest', nullable: true })
  nationalIdDigest!: string | null;

  // When a full roster of the school no longer listed them: they left. The row stays, with its cases.
  @Column('timestamptz', { name: 'left_at', nullable: true })
  leftAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

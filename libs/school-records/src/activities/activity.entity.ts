import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AreaCode } from '@dh/cases';

// The kinds of prevention and communication activity the ward plan names.
export const ACTIVITY_KINDS = [
  'chuyen_de',
  'toa_dam',
  'cau_lac_bo',
  'ngoai_khoa',
  'sinh_hoat_duoi_co',
  'sinh_hoat_lop',
  'truyen_thong_truc_tuyen',
  'tap_huan_cha_me',
  'khac',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

// One prevention or communication activity of a school: on which content areas, for whom, how many came.
@Entity('school_activity')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'school_year' })
  schoolYear!: string;

  @Column('date')
  date!: string;

  @Column('text')
  kind!: ActivityKind;

  // The activity's title. Named `name`: the API's `title` is a person's job title.
  @Column('text')
  name!: string;

  @Column('text', { array: true })
  areas!: AreaCode[];

  // The audience: learners of these grades (1–12), parents, teachers.
  @Column('int', { array: true })
  grades!: number[];

  @Column('boolean')
  parents!: boolean;

  @Column('boolean')
  teachers!: boolean;

  @Column('int')
  participants!: number;

  @Column('int')
  girls!: number;

  @Column('text', { nullable: true })
  partners!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

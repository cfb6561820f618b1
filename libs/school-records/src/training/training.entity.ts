import { Column, Entity, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';

// numeric comes back from the driver as text; hours are at most 1000.0, a float holds them exactly enough.
const hoursTransformer: ValueTransformer = {
  to: (v: number) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

// One course a member of the school's staff followed: who, what, given by whom, how long, with a certificate or not.
@Entity('school_training')
export class Training {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'school_year' })
  schoolYear!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text')
  course!: string;

  @Column('text')
  organiser!: string;

  @Column('numeric', { name: 'duration_hours', precision: 5, scale: 1, transformer: hoursTransformer })
  durationHours!: number;

  @Column('date', { name: 'from_date' })
  fromDate!: string;

  @Column('date', { name: 'to_date', nullable: true })
  toDate!: string | null;

  @Column('boolean')
  certificate!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

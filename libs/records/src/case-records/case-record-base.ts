import { Column, PrimaryGeneratedColumn } from 'typeorm';

// What every record row holds besides its content: the case and its school (the tenancy boundary), who wrote
// it and when. Text columns named in RECORD_SEALED_COLUMNS (sealed-columns.ts) hold sealed values.
export abstract class CaseRecordBase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}

// The common columns of a new row of this case.
export const recordOf = (recordedBy: string, row: { id: string; schoolId: string }, at: Date) => ({
  caseId: row.id,
  schoolId: row.schoolId,
  recordedBy,
  recordedAt: at,
});

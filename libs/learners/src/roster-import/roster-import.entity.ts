import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RosterMapping } from './roster-columns';
import type { RosterFileKind } from './roster-file';

export type RosterImportStatus = 'preview' | 'running' | 'done' | 'failed';

// One roster file, from its upload (a preview) through its run in the background to its counts.
@Entity('roster_import')
export class RosterImport {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'file_name' })
  fileName!: string;

  @Column('text')
  sha256!: string;

  @Column('text', { name: 'file_kind' })
  fileKind!: RosterFileKind;

  @Column('text')
  status!: RosterImportStatus;

  // The header's row number in the sheet (1-based, below any title rows and blank lines).
  @Column('integer', { name: 'header_row' })
  headerRow!: number;

  @Column('jsonb')
  headers!: string[];

  // The rows under the header, sealed (they name learners and their families) until the import has run.
  @Column('text')
  rows!: string;

  // The proposal until confirmed, then what was confirmed.
  @Column('jsonb')
  mapping!: RosterMapping;

  // A full roster: learners of the school it does not list have left.
  @Column('boolean', { name: 'full_roster' })
  fullRoster!: boolean;

  @Column('integer', { name: 'rows_total' })
  rowsTotal!: number;

  @Column('integer', { name: 'rows_read' })
  rowsRead!: number;

  @Column('integer', { name: 'rows_taken' })
  rowsTaken!: number;

  @Column('integer', { name: 'rows_refused' })
  rowsRefused!: number;

  @Column('integer', { name: 'rows_doubtful' })
  rowsDoubtful!: number;

  @Column('integer', { name: 'learners_added' })
  learnersAdded!: number;

  @Column('integer', { name: 'learners_updated' })
  learnersUpdated!: number;

  @Column('integer', { name: 'learners_left' })
  learnersLeft!: number;

  // What the run refused and left for a person (sealed JSON), once it has run.
  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('uuid', { name: 'confirmed_by', nullable: true })
  confirmedBy!: string | null;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}

// The mapping a school last confirmed, proposed again for its next file when that file has the same headers.
@Entity('roster_mapping')
export class RosterMappingRow {
  @PrimaryColumn('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('jsonb')
  mapping!: RosterMapping;

  @Column('uuid', { name: 'updated_by' })
  updatedBy!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

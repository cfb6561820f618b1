import type { Sex } from '../learner.entity';
import type { RosterMapping } from './roster-columns';
import type { RosterFileKind } from './roster-file';
import type { RosterImportStatus } from './roster-import.entity';
import type { RefusedRow } from './roster-rows';

export type RosterAction = 'add' | 'update' | 'doubtful';

// One of the first rows of the file, as it would be taken.
export type RosterPreviewRow = {
  row: number;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  className: string;
  nationalId: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  action: RosterAction;
};

export type RosterCandidate = { id: string; fullName: string; dateOfBirth: string; className: string };
// A row the look-alike rule (name and birth date) could not decide: a person says which learner it is.
export type DoubtfulRow = { row: number; fullName: string; dateOfBirth: string; candidates: RosterCandidate[] };

export type RosterCounts = {
  rowsTotal: number;
  rowsRead: number;
  rowsTaken: number;
  rowsRefused: number;
  rowsDoubtful: number;
  learnersAdded: number;
  learnersUpdated: number;
  learnersLeft: number;
};

export type RosterImportView = RosterCounts & {
  id: string;
  schoolId: string;
  fileName: string;
  sha256: string;
  fileKind: RosterFileKind;
  status: RosterImportStatus;
  headerRow: number;
  headers: string[];
  mapping: RosterMapping;
  fullRoster: boolean;
  // What a run under the mapping would do (in preview; `left`: the learners a full roster would mark as having
  // left), or what it has done so far.
  planned: { add: number; update: number; doubtful: number; refused: number; left: number };
  preview: RosterPreviewRow[];
  refused: RefusedRow[];
  doubtful: DoubtfulRow[];
  createdAt: Date;
  confirmedAt: Date | null;
  finishedAt: Date | null;
};

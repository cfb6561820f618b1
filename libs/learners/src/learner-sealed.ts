import type { SealedDeclaration } from '@dh/crypto';

// The family (Decree 56 Art. 33) is sealed in a learner's row; the forms open it by this context.
export const GUARDIANS_SEALED_AS = 'learner.guardians';
// The national learner ID, sealed too; matched by its digest (nationalIdDigest), opened for whoever may read the
// family (LearnerFamilyAccess).
export const NATIONAL_ID_SEALED_AS = 'learner.national_code';
// A roster file's rows, and what its import refused or left for a person (names, birth dates, families).
export const ROSTER_ROWS_SEALED_AS = 'roster_import.rows';
export const ROSTER_OUTCOME_SEALED_AS = 'roster_import.outcome';

// Declared to the SealedRegistry at init (LearnersModule), so key rotation re-encrypts it.
export const LEARNERS_SEALED: SealedDeclaration = {
  tables: [
    { table: 'learner', key: 'id', columns: { guardians: GUARDIANS_SEALED_AS, national_code: NATIONAL_ID_SEALED_AS } },
    { table: 'roster_import', key: 'id', columns: { rows: ROSTER_ROWS_SEALED_AS, outcome: ROSTER_OUTCOME_SEALED_AS } },
  ],
};

import type { SealedDeclaration } from '@dh/crypto';

// The family (Decree 56 Art. 33) is the one sealed column of a learner's row; the forms open it by this context.
export const GUARDIANS_SEALED_AS = 'learner.guardians';

// Declared to the SealedRegistry at init (LearnersModule), so key rotation re-encrypts it.
export const LEARNERS_SEALED: SealedDeclaration = {
  tables: [{ table: 'learner', key: 'id', columns: { guardians: GUARDIANS_SEALED_AS } }],
};

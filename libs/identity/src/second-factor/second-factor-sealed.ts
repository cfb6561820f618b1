import type { SealedDeclaration } from '@dh/crypto';

export const SECOND_FACTOR_SEALED_AS = 'user_second_factor.secret';

// Declared to the SealedRegistry at init (IdentityModule), so key rotation re-encrypts the secrets.
export const SECOND_FACTOR_SEALED: SealedDeclaration = {
  tables: [{ table: 'user_second_factor', key: 'user_id', columns: { secret: SECOND_FACTOR_SEALED_AS } }],
};

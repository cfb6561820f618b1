import { mapUniqueViolation } from '@dh/database';
import { IdentityException, IdentityExceptionCode } from './identity.exception';

// The unique indexes of identity's tables, as PostgreSQL names them (migrations/1795000000000-identity.ts),
// each turned into the 409 its existence check gives when the row is already there.
export const whenUsernameTaken = <T>(work: Promise<T>, username: string): Promise<T> =>
  mapUniqueViolation(
    work,
    'app_user_username_key',
    () => new IdentityException(IdentityExceptionCode.USERNAME_TAKEN, { username }),
  );

export const whenCodeTaken = <T>(work: Promise<T>, table: 'ward' | 'school', code: string): Promise<T> =>
  mapUniqueViolation(
    work,
    `${table}_code_key`,
    () => new IdentityException(IdentityExceptionCode.CODE_TAKEN, { code }),
  );

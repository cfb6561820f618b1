import { QueryFailedError } from 'typeorm';

type DriverError = { code?: unknown; constraint?: unknown };

// PostgreSQL's unique_violation (23505), optionally on one named constraint (e.g. `app_user_username_key`).
export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const driver = (e instanceof QueryFailedError ? e.driverError : e) as DriverError | null | undefined;
  return driver?.code === '23505' && (constraint === undefined || driver.constraint === constraint);
};

// A check before an insert cannot see a concurrent transaction's row: two requests for the same name both pass
// it, and the unique index refuses the second at insert or commit. Every such write runs through this, so
// the loser gets its module's conflict, the same answer the check gives when it does see the row.
export const mapUniqueViolation = async <T>(
  work: Promise<T>,
  constraint: string,
  conflict: () => Error,
): Promise<T> => {
  try {
    return await work;
  } catch (e) {
    if (isUniqueViolation(e, constraint)) throw conflict();
    throw e;
  }
};

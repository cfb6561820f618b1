import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from './app.exception';

// Vietnamese first, English second.
export type ExceptionMessage = readonly [vi: string, en: string];

// A module's errors are data: `<module>.errors.json` beside its exception file names each code with its HTTP status
// and both messages, and the exception file only derives the code object and the class from it.
export type ErrorCatalogue<C extends string> = Readonly<Record<C, { status: number; vi: string; en: string }>>;

// The codes as an object of their own names, so callers write `CaseExceptionCode.STALE_VERSION`.
export const codesOf = <C extends string>(catalogue: ErrorCatalogue<C>): { readonly [K in C]: K } =>
  Object.fromEntries(Object.keys(catalogue).map((code) => [code, code])) as { [K in C]: K };

// Every module's exception is the same class but for its catalogue.
export const moduleException = <C extends string>(catalogue: ErrorCatalogue<C>) => {
  const statuses = Object.fromEntries(
    Object.entries<{ status: number }>(catalogue).map(([code, { status }]) => [code, status as HttpStatus]),
  ) as Readonly<Record<C, HttpStatus>>;
  return class extends AppException {
    // What a generated API description declares for each code.
    static readonly statuses = statuses;

    // `message` replaces the code's own where the caller knows a more exact one (a guard's refusal).
    constructor(code: C, details?: ErrorDetails, message?: ExceptionMessage) {
      const { vi, en } = catalogue[code];
      super(code, statuses[code], ...(message ?? [vi, en]), details);
    }
  };
};

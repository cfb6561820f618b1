import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from './app.exception';

// Vietnamese first, English second.
export type ExceptionMessage = readonly [vi: string, en: string];

// Every module's exception is the same class but for its codes: each code's HTTP status and message come
// from the module's two tables, so a module's exception file holds only its enum and those tables.
export const moduleException = <C extends string>(
  statuses: Readonly<Record<C, HttpStatus>>,
  messages: Readonly<Record<C, ExceptionMessage>>,
) =>
  class extends AppException {
    // What a generated API description declares for each code.
    static readonly statuses = statuses;

    // `message` replaces the code's own where the caller knows a more exact one (a guard's refusal).
    constructor(code: C, details?: ErrorDetails, message?: ExceptionMessage) {
      super(code, statuses[code], ...(message ?? messages[code]), details);
    }
  };

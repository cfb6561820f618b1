import { HttpStatus } from '@nestjs/common';

export type ErrorDetails = Record<string, unknown> | unknown[];

// Base of every module's exception: a code from the module's enum, a Vietnamese message first,
// English second; the global filter turns it into DESIGN.md's error shape.
export class AppException extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: ErrorDetails,
  ) {
    super(messageEn);
  }
}

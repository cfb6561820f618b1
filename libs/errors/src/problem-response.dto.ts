import { HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorDetails } from './app.exception';
import type { ErrorBody } from './http-exception.filter';

// The one error body every answer of 400 and above has (the global filter's ErrorBody), for the OpenAPI document.
export class ProblemResponse implements ErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict', description: 'the HTTP reason phrase' }) error!: string;
  @ApiProperty({
    example: 'STALE_VERSION',
    description: 'the machine-readable code; each operation lists the ones it answers',
  })
  code!: string;
  @ApiProperty({ description: 'Vietnamese message, for people' }) message!: string;
  @ApiProperty({ description: 'English message' }) messageEn!: string;
  @ApiPropertyOptional({
    description:
      'about the code: for VALIDATION_FAILED a list of {field, label, problems}; else an object (retryAfterSeconds, …)',
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  details?: ErrorDetails;
  @ApiPropertyOptional({ description: 'the request id the server logged, to quote to support' }) requestId?: string;
}

// Codes the server's own plumbing answers, whichever module is behind the route.
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

export const COMMON_ERROR_STATUS: Readonly<Record<CommonErrorCode, HttpStatus>> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_JSON: HttpStatus.BAD_REQUEST,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
};

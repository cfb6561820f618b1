import { HttpStatus } from '@nestjs/common';
import { AppException, DATABASE_RETRY_AFTER_SECONDS, ErrorDetails } from '@dh/errors';

export enum HealthExceptionCode {
  UNHEALTHY = 'UNHEALTHY',
}

const MESSAGES: Record<HealthExceptionCode, [string, string]> = {
  UNHEALTHY: ['Hệ thống chưa sẵn sàng: cơ sở dữ liệu không phản hồi.', 'Not ready: the database does not answer.'],
};

export class HealthException extends AppException {
  constructor(code: HealthExceptionCode, details?: ErrorDetails) {
    super(code, HttpStatus.SERVICE_UNAVAILABLE, ...MESSAGES[code], details);
  }
}

// Each failed check by name, as terminus reports it ({database: {status: 'down', message?}}), and when to look again.
export const unhealthy = (checks: Record<string, unknown>): HealthException =>
  new HealthException(HealthExceptionCode.UNHEALTHY, { ...checks, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });

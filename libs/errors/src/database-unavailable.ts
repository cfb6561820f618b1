import { HttpStatus } from '@nestjs/common';
import { AppException } from './app.exception';

// How long a client is told to wait before trying again while the database is away.
export const DATABASE_RETRY_AFTER_SECONDS = 10;

type ErrorLike = { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown };

// The connection itself broke (killed by the server, reset, closed under a query): nothing about the statement.
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02', '08000', '08003', '08006']);
const LOST_MESSAGES = /Connection terminated|not queryable|Query runner already released/i;
// No connection could be had: the server is down, refuses, is restarting, full, or the database is closed to us.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P03',
  '53300',
  '08001',
  '08004',
  '3D000',
  '28000',
  '28P01',
]);
const UNREACHABLE_MESSAGES = /timeout exceeded when trying to connect|is not currently accepting connections/i;

// TypeORM wraps the driver's error (QueryFailedError.driverError); a failed connect arrives bare.
const layers = (e: unknown): ErrorLike[] => {
  const out: ErrorLike[] = [];
  for (
    let cur = e as ErrorLike | undefined, depth = 0;
    cur && typeof cur === 'object' && depth < 3;
    cur = cur.driverError as ErrorLike, depth++
  )
    out.push(cur);
  return out;
};

const matches = (e: unknown, codes: Set<string>, messages: RegExp): boolean =>
  layers(e).some(
    (l) =>
      (typeof l.code === 'string' && codes.has(l.code)) ||
      (typeof l.message === 'string' && messages.test(l.message)) ||
      l.name === 'QueryRunnerAlreadyReleasedError',
  );

export const isConnectionLost = (e: unknown): boolean => matches(e, LOST_CODES, LOST_MESSAGES);

export const isDatabaseUnavailable = (e: unknown): boolean =>
  isConnectionLost(e) || matches(e, UNREACHABLE_CODES, UNREACHABLE_MESSAGES);

export enum DatabaseExceptionCode {
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
}

// Not the client's fault and not a bug: a 503 the client may retry, with Retry-After (set by the filter from details).
export class DatabaseException extends AppException {
  constructor(code: DatabaseExceptionCode = DatabaseExceptionCode.DATABASE_UNAVAILABLE) {
    super(
      code,
      HttpStatus.SERVICE_UNAVAILABLE,
      'Không kết nối được cơ sở dữ liệu, hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
      'The database cannot be reached; the service is briefly unavailable. Please try again in a few minutes.',
      { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    );
  }
}

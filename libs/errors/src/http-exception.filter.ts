import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { AppException, ErrorDetails } from './app.exception';
import { DatabaseException, isDatabaseUnavailable } from './database-unavailable';
import { InputValidationException } from './validation';

export type ErrorBody = {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  messageEn: string;
  details?: ErrorDetails;
  requestId?: string;
};

const GENERIC: Record<number, [string, string]> = {
  400: ['Yêu cầu không hợp lệ.', 'Bad request.'],
  401: ['Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ.', 'Not authenticated.'],
  403: ['Tài khoản không có quyền thực hiện thao tác này.', 'Forbidden.'],
  404: ['Không tìm thấy.', 'Not found.'],
  413: ['Dữ liệu gửi lên quá lớn.', 'Payload too large.'],
  415: ['Định dạng dữ liệu không được hỗ trợ.', 'Unsupported media type.'],
  429: ['Quá nhiều yêu cầu, vui lòng thử lại sau.', 'Too many requests.'],
  500: ['Lỗi hệ thống, vui lòng thử lại sau.', 'Internal server error.'],
  503: ['Hệ thống tạm thời gián đoạn, vui lòng thử lại sau.', 'Service unavailable.'],
};

type BodyParserError = Error & { type?: string; status?: number; statusCode?: number };

// Express middleware errors reach Nest's filter as a bare 400; name the JSON one before that happens.
export const namedBodyParserErrors = (
  err: BodyParserError,
  _req: unknown,
  _res: unknown,
  next: (e: unknown) => void,
): void =>
  next(
    err?.type === 'entity.parse.failed'
      ? new AppException(
          'MALFORMED_JSON',
          HttpStatus.BAD_REQUEST,
          'Nội dung JSON không hợp lệ.',
          'Malformed JSON body.',
        )
      : err,
  );

// An answer that tells when to come back (a throttle's 429, a 503) says it in RFC 9110's Retry-After (seconds):
// its own figure, else a minute for every 429.
const retryAfterOf = (statusCode: number, details: ErrorDetails | undefined): number | null => {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  return statusCode === HttpStatus.TOO_MANY_REQUESTS ? 60 : null;
};

// The one place where errors become HTTP: every module throws its own AppException subclass.
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { requestId?: string }>();
    const res = ctx.getResponse<Response>();
    // Only what escaped as a raw driver or pool error: a module's own exception already says what it means.
    const unavailable =
      !(exception instanceof AppException) && !(exception instanceof HttpException) && isDatabaseUnavailable(exception);
    const body = this.toBody(unavailable ? new DatabaseException() : exception);
    body.requestId = req.requestId;
    const retryAfter = retryAfterOf(body.statusCode, body.details);
    if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
    if (unavailable) {
      this.logger.warn({
        msg: 'database unavailable',
        requestId: req.requestId,
        path: req.path,
        err: String(exception),
      });
    } else if (body.statusCode >= 500) {
      this.logger.error({
        msg: 'unhandled error',
        requestId: req.requestId,
        path: req.path,
        err: String(exception),
        stack: (exception as Error)?.stack,
      });
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppException) {
      return this.shape(exception.status, exception.code, exception.messageVi, exception.messageEn, exception.details);
    }
    if (exception instanceof InputValidationException) {
      const fields = exception.fields;
      const names = fields.map((f) => f.field).join(', ');
      const labels = fields.map((f) => f.label ?? f.field).join(', ');
      return this.shape(
        400,
        'VALIDATION_FAILED',
        `Dữ liệu không hợp lệ: ${labels}.`,
        `Invalid input: ${names}.`,
        fields,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return this.shape(status, `HTTP_${status}`, ...this.generic(status));
    }
    const bodyError = exception as BodyParserError;
    const status = bodyError?.status ?? bodyError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return this.shape(status, `HTTP_${status}`, ...this.generic(status));
    }
    return this.shape(500, 'INTERNAL', ...this.generic(500));
  }

  private generic(status: number): [string, string] {
    return GENERIC[status] ?? GENERIC[status >= 500 ? 500 : 400];
  }

  private shape(
    statusCode: number,
    code: string,
    message: string,
    messageEn: string,
    details?: ErrorDetails,
  ): ErrorBody {
    const error = STATUS_CODES[statusCode] ?? 'Error';
    return details === undefined
      ? { statusCode, error, code, message, messageEn }
      : { statusCode, error, code, message, messageEn, details };
  }
}

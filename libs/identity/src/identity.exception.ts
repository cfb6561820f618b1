import { HttpStatus } from '@nestjs/common';
import { AppException } from '@dh/errors';

export enum IdentityExceptionCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
}

const STATUS: Record<IdentityExceptionCode, HttpStatus> = {
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN_ROLE: HttpStatus.FORBIDDEN,
};

const MESSAGES: Record<IdentityExceptionCode, [string, string]> = {
  INVALID_CREDENTIALS: ['Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'],
  UNAUTHENTICATED: ['Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.', 'Not authenticated or session expired.'],
  FORBIDDEN_ROLE: ['Vai trò của bạn không được phép thực hiện thao tác này.', 'Your role may not do this.'],
};

export class IdentityException extends AppException {
  constructor(code: IdentityExceptionCode) {
    super(code, STATUS[code], ...MESSAGES[code]);
  }
}

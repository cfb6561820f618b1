import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum IdentityExceptionCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
  TOO_MANY_LOGIN_ATTEMPTS = 'TOO_MANY_LOGIN_ATTEMPTS',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  SCHOOL_NOT_FOUND = 'SCHOOL_NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  AUDITOR_GRANT_NOT_VALID = 'AUDITOR_GRANT_NOT_VALID',
  AUDITOR_GRANT_NOT_FOUND = 'AUDITOR_GRANT_NOT_FOUND',
  AUDITOR_GRANT_ENDED = 'AUDITOR_GRANT_ENDED',
  WARD_NOT_FOUND = 'WARD_NOT_FOUND',
  CODE_TAKEN = 'CODE_TAKEN',
  GRANT_TOO_LONG = 'GRANT_TOO_LONG',
  OWN_ADMIN_ACCESS = 'OWN_ADMIN_ACCESS',
  LAST_ADMIN = 'LAST_ADMIN',
}

export const IDENTITY_EXCEPTION_STATUS: Record<IdentityExceptionCode, HttpStatus> = {
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN_ROLE: HttpStatus.FORBIDDEN,
  TOO_MANY_LOGIN_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  WRONG_CURRENT_PASSWORD: HttpStatus.UNPROCESSABLE_ENTITY,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  SCHOOL_NOT_FOUND: HttpStatus.NOT_FOUND,
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  AUDITOR_GRANT_NOT_VALID: HttpStatus.UNPROCESSABLE_ENTITY,
  AUDITOR_GRANT_NOT_FOUND: HttpStatus.NOT_FOUND,
  AUDITOR_GRANT_ENDED: HttpStatus.CONFLICT,
  WARD_NOT_FOUND: HttpStatus.NOT_FOUND,
  CODE_TAKEN: HttpStatus.CONFLICT,
  GRANT_TOO_LONG: HttpStatus.UNPROCESSABLE_ENTITY,
  OWN_ADMIN_ACCESS: HttpStatus.CONFLICT,
  LAST_ADMIN: HttpStatus.CONFLICT,
};

const MESSAGES: Record<IdentityExceptionCode, [string, string]> = {
  INVALID_CREDENTIALS: ['Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'],
  UNAUTHENTICATED: ['Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.', 'Not authenticated or session expired.'],
  FORBIDDEN_ROLE: ['Vai trò của tài khoản không được phép thực hiện thao tác này.', 'Your role may not do this.'],
  TOO_MANY_LOGIN_ATTEMPTS: ['Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau ít phút.', 'Too many wrong passwords; try again in a few minutes.'],
  WRONG_CURRENT_PASSWORD: ['Mật khẩu hiện tại không đúng.', 'The current password is wrong.'],
  USER_NOT_FOUND: ['Không tìm thấy người dùng.', 'User not found.'],
  SCHOOL_NOT_FOUND: ['Không tìm thấy trường.', 'School not found.'],
  USERNAME_TAKEN: ['Tên đăng nhập đã được dùng.', 'This username is taken.'],
  AUDITOR_GRANT_NOT_VALID: [
    'Chỉ được cấp quyền cho tài khoản thanh tra đang hoạt động, tại một trường có trong hệ thống, với thời điểm hết hạn sau thời điểm hiện tại.',
    'A grant goes to an enabled auditor, for a known school, until a time in the future.',
  ],
  AUDITOR_GRANT_NOT_FOUND: ['Không tìm thấy quyền thanh tra.', 'Auditor grant not found.'],
  AUDITOR_GRANT_ENDED: ['Quyền thanh tra này đã kết thúc.', 'This auditor grant has already ended.'],
  WARD_NOT_FOUND: ['Không tìm thấy phường.', 'Ward not found.'],
  CODE_TAKEN: ['Mã này đã được dùng.', 'This code is taken.'],
  GRANT_TOO_LONG: [
    'Thời hạn cấp quyền quá dài: ngày kết thúc (expiresAt) vượt quá số ngày tối đa cho phép (maxDays).',
    'The grant runs too long: expiresAt is past the allowed number of days (maxDays).',
  ],
  OWN_ADMIN_ACCESS: [
    'Không thể tự gỡ vai trò quản trị hoặc tự vô hiệu hóa tài khoản của chính mình; hãy nhờ một quản trị viên khác.',
    'You cannot remove your own admin role or disable yourself; ask another admin.',
  ],
  LAST_ADMIN: [
    'Phải còn ít nhất một quản trị viên đang hoạt động: không thể gỡ vai trò hoặc vô hiệu hóa quản trị viên cuối cùng.',
    'At least one enabled admin must remain: the last one cannot be demoted or disabled.',
  ],
};

export class IdentityException extends AppException {
  constructor(code: IdentityExceptionCode, details?: ErrorDetails) {
    super(code, IDENTITY_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

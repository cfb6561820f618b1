import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum FormsExceptionCode {
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
}

const STATUS: Record<FormsExceptionCode, HttpStatus> = {
  REFERRAL_NOT_FOUND: HttpStatus.NOT_FOUND,
};

const MESSAGES: Record<FormsExceptionCode, [string, string]> = {
  REFERRAL_NOT_FOUND: ['Không tìm thấy lần chuyển gửi này trong hồ sơ.', 'Referral not found in this case.'],
};

export class FormsException extends AppException {
  constructor(code: FormsExceptionCode, details?: ErrorDetails) {
    super(code, STATUS[code], ...MESSAGES[code], details);
  }
}

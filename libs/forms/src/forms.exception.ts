import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum FormsExceptionCode {
  NOT_CONFIDENTIAL_READER = 'NOT_CONFIDENTIAL_READER',
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
}

const STATUS: Record<FormsExceptionCode, HttpStatus> = {
  NOT_CONFIDENTIAL_READER: HttpStatus.FORBIDDEN,
  REFERRAL_NOT_FOUND: HttpStatus.NOT_FOUND,
};

const MESSAGES: Record<FormsExceptionCode, [string, string]> = {
  NOT_CONFIDENTIAL_READER: [
    'Biểu mẫu chứa nội dung bảo mật của hồ sơ: chỉ tư vấn viên được phân công, tổ trưởng và người được cấp quyền mới in được.',
    'Forms carry the case’s confidential content: only the assigned counsellor, the supervisors and those granted it may print them.',
  ],
  REFERRAL_NOT_FOUND: ['Không tìm thấy lần chuyển gửi này trong hồ sơ.', 'Referral not found in this case.'],
};

export class FormsException extends AppException {
  constructor(code: FormsExceptionCode, details?: ErrorDetails) {
    super(code, STATUS[code], ...MESSAGES[code], details);
  }
}

import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum ConsentExceptionCode {
  CONSENT_NOT_FOUND = 'CONSENT_NOT_FOUND',
  NOT_CASE_TEAM = 'NOT_CASE_TEAM',
  LEARNER_TOO_YOUNG = 'LEARNER_TOO_YOUNG',
  CONSENT_ALREADY_WITHDRAWN = 'CONSENT_ALREADY_WITHDRAWN',
  LEARNER_UNKNOWN = 'LEARNER_UNKNOWN',
}

export const CONSENT_EXCEPTION_STATUS: Record<ConsentExceptionCode, HttpStatus> = {
  CONSENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_CASE_TEAM: HttpStatus.FORBIDDEN,
  LEARNER_TOO_YOUNG: HttpStatus.UNPROCESSABLE_ENTITY,
  CONSENT_ALREADY_WITHDRAWN: HttpStatus.CONFLICT,
  LEARNER_UNKNOWN: HttpStatus.UNPROCESSABLE_ENTITY,
};

const MESSAGES: Record<ConsentExceptionCode, [string, string]> = {
  CONSENT_NOT_FOUND: ['Không tìm thấy sự đồng ý này trong hồ sơ.', 'Consent not found in this case.'],
  NOT_CASE_TEAM: [
    'Chỉ tư vấn viên được phân công và tổ trưởng của trường mới được ghi nhận hoặc rút lại sự đồng ý trong hồ sơ này.',
    'Only the assigned counsellor and the school’s supervisors record or withdraw this case’s consents.',
  ],
  LEARNER_TOO_YOUNG: [
    'Học sinh dưới 7 tuổi chưa thể tự đưa ra sự đồng ý; cần sự đồng ý của cha mẹ hoặc người giám hộ.',
    'A learner under 7 cannot give consent; a parent or guardian gives it.',
  ],
  CONSENT_ALREADY_WITHDRAWN: ['Sự đồng ý này đã được rút lại.', 'This consent was already withdrawn.'],
  LEARNER_UNKNOWN: [
    'Hồ sơ chưa xác định học sinh: hãy xác định học sinh trước khi ghi nhận hoặc kiểm tra sự đồng ý của học sinh.',
    'The case’s learner is not named yet: name the learner before recording or checking the learner’s consent.',
  ],
};

export class ConsentException extends AppException {
  constructor(code: ConsentExceptionCode, details?: ErrorDetails) {
    super(code, CONSENT_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

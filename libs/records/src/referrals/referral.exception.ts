import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum ReferralExceptionCode {
  RECEIVER_NOT_AVAILABLE = 'RECEIVER_NOT_AVAILABLE',
  AREA_NOT_IN_CASE = 'AREA_NOT_IN_CASE',
  CONSENT_MISSING = 'CONSENT_MISSING',
  ANSWER_TIME_OUT_OF_RANGE = 'ANSWER_TIME_OUT_OF_RANGE',
}

// Each a rule refused on a well-formed REFER (the directory, the case, the consent ledger say no): 422.
export const REFERRAL_EXCEPTION_STATUS: Record<ReferralExceptionCode, HttpStatus> = {
  RECEIVER_NOT_AVAILABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  AREA_NOT_IN_CASE: HttpStatus.UNPROCESSABLE_ENTITY,
  CONSENT_MISSING: HttpStatus.UNPROCESSABLE_ENTITY,
  ANSWER_TIME_OUT_OF_RANGE: HttpStatus.UNPROCESSABLE_ENTITY,
};

const MESSAGES: Record<ReferralExceptionCode, [string, string]> = {
  RECEIVER_NOT_AVAILABLE: [
    'Đơn vị tiếp nhận phải là một đơn vị đang hoạt động trong danh bạ dịch vụ của phường nơi trường đóng.',
    'The receiver must be an active organisation of the directory of services of the school’s ward.',
  ],
  AREA_NOT_IN_CASE: [
    'Nội dung chuyển gửi phải thuộc các nội dung hiện tại của hồ sơ (theo lần đánh giá gần nhất).',
    'The referral’s areas must be among the case’s current areas (as last assessed).',
  ],
  CONSENT_MISSING: ['Chưa có sự đồng ý cho việc chia sẻ thông tin này.', 'No consent for this sharing of information.'],
  ANSWER_TIME_OUT_OF_RANGE: [
    'Thời điểm ghi nhận phải sau thời điểm chuyển gửi và không được ở sau thời điểm hiện tại.',
    'The time recorded must be after the referral was sent and not in the future.',
  ],
};

export class ReferralException extends AppException {
  constructor(code: ReferralExceptionCode, details?: ErrorDetails, message?: [string, string]) {
    super(code, REFERRAL_EXCEPTION_STATUS[code], ...(message ?? MESSAGES[code]), details);
  }
}

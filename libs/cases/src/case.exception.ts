import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum CaseExceptionCode {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  SCHOOL_NOT_FOUND = 'SCHOOL_NOT_FOUND',
  LEARNER_NOT_FOUND = 'LEARNER_NOT_FOUND',
  LEARNER_LOOKS_LIKE_EXISTING = 'LEARNER_LOOKS_LIKE_EXISTING',
  EVENT_NOT_ALLOWED = 'EVENT_NOT_ALLOWED',
  STALE_VERSION = 'STALE_VERSION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  GUARD_REFUSED = 'GUARD_REFUSED',
  ASSIGNEE_NOT_ELIGIBLE = 'ASSIGNEE_NOT_ELIGIBLE',
  CLOCKS_ALREADY_PAUSED = 'CLOCKS_ALREADY_PAUSED',
  CLOCKS_NOT_PAUSED = 'CLOCKS_NOT_PAUSED',
  GRANT_NOT_VALID = 'GRANT_NOT_VALID',
  GRANT_NOT_FOUND = 'GRANT_NOT_FOUND',
  GRANT_ENDED = 'GRANT_ENDED',
}

export const CASE_EXCEPTION_STATUS: Record<CaseExceptionCode, HttpStatus> = {
  CASE_NOT_FOUND: HttpStatus.NOT_FOUND,
  SCHOOL_NOT_FOUND: HttpStatus.NOT_FOUND,
  LEARNER_NOT_FOUND: HttpStatus.NOT_FOUND,
  LEARNER_LOOKS_LIKE_EXISTING: HttpStatus.CONFLICT,
  EVENT_NOT_ALLOWED: HttpStatus.CONFLICT,
  STALE_VERSION: HttpStatus.CONFLICT,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.CONFLICT,
  GUARD_REFUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  ASSIGNEE_NOT_ELIGIBLE: HttpStatus.UNPROCESSABLE_ENTITY,
  CLOCKS_ALREADY_PAUSED: HttpStatus.CONFLICT,
  CLOCKS_NOT_PAUSED: HttpStatus.CONFLICT,
  GRANT_NOT_VALID: HttpStatus.UNPROCESSABLE_ENTITY,
  GRANT_NOT_FOUND: HttpStatus.NOT_FOUND,
  GRANT_ENDED: HttpStatus.CONFLICT,
};

const MESSAGES: Record<CaseExceptionCode, [string, string]> = {
  CASE_NOT_FOUND: ['Không tìm thấy hồ sơ.', 'Case not found.'],
  SCHOOL_NOT_FOUND: ['Không tìm thấy trường.', 'School not found.'],
  LEARNER_NOT_FOUND: ['Không tìm thấy học sinh.', 'Learner not found.'],
  LEARNER_LOOKS_LIKE_EXISTING: [
    'Đã có học sinh cùng họ tên và ngày sinh ở trường này. Nếu đây là một học sinh khác, hãy gửi lại với confirmDistinct: true.',
    'A learner with the same name and date of birth exists in this school; resend with confirmDistinct: true if this is a different person.',
  ],
  EVENT_NOT_ALLOWED: ['Thao tác này không thực hiện được ở giai đoạn hiện tại của hồ sơ.', 'This event is not allowed in the case’s current state.'],
  STALE_VERSION: ['Hồ sơ vừa được người khác cập nhật. Hãy tải lại rồi thử lại.', 'The case was changed by someone else; reload and retry.'],
  IDEMPOTENCY_KEY_REUSED: ['Idempotency-Key này đã được dùng cho một yêu cầu khác.', 'This Idempotency-Key was used for a different request.'],
  GUARD_REFUSED: ['Thao tác bị từ chối.', 'The event was refused.'],
  ASSIGNEE_NOT_ELIGIBLE: [
    'Người được phân công phải là tư vấn viên hoặc tổ trưởng đang hoạt động của trường.',
    'The assignee must be an active counsellor or supervisor of the school.',
  ],
  CLOCKS_ALREADY_PAUSED: ['Thời hạn của hồ sơ đang được tạm dừng.', 'The case’s clocks are already paused.'],
  CLOCKS_NOT_PAUSED: ['Thời hạn của hồ sơ không bị tạm dừng.', 'The case’s clocks are not paused.'],
  GRANT_NOT_VALID: [
    'Chỉ được cấp quyền cho hiệu trưởng của trường có hồ sơ, với thời điểm hết hạn sau thời điểm hiện tại.',
    'A grant goes to a principal of the case’s school, until a time in the future.',
  ],
  GRANT_NOT_FOUND: ['Không tìm thấy quyền xem nội dung bảo mật.', 'Grant not found.'],
  GRANT_ENDED: ['Quyền xem này đã kết thúc.', 'This grant has already ended.'],
};

export class CaseException extends AppException {
  constructor(code: CaseExceptionCode, details?: ErrorDetails, message?: [string, string]) {
    super(code, CASE_EXCEPTION_STATUS[code], ...(message ?? MESSAGES[code]), details);
  }
}

import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum CaseRecordExceptionCode {
  NOT_CASE_TEAM = 'NOT_CASE_TEAM',
  CASE_CLOSED = 'CASE_CLOSED',
  NOT_IN_FOLLOW_UP = 'NOT_IN_FOLLOW_UP',
}

const STATUS: Record<CaseRecordExceptionCode, HttpStatus> = {
  NOT_CASE_TEAM: HttpStatus.FORBIDDEN,
  CASE_CLOSED: HttpStatus.UNPROCESSABLE_ENTITY,
  NOT_IN_FOLLOW_UP: HttpStatus.UNPROCESSABLE_ENTITY,
};

const MESSAGES: Record<CaseRecordExceptionCode, [string, string]> = {
  NOT_CASE_TEAM: [
    'Chỉ tư vấn viên được phân công và tổ trưởng của trường ghi hồ sơ của trường hợp này.',
    'Only the assigned counsellor and the school’s supervisors write this case’s records.',
  ],
  CASE_CLOSED: [
    'Hồ sơ đã kết thúc: không ghi thêm buổi tư vấn. Hãy mở lại hồ sơ nếu cần tiếp tục hỗ trợ.',
    'The case is closed: no more sessions are recorded. Reopen it to continue the support.',
  ],
  NOT_IN_FOLLOW_UP: [
    'Chỉ ghi liên hệ theo dõi sau khi hồ sơ đã kết thúc và đang trong giai đoạn theo dõi.',
    'Follow-up contacts are recorded only once the case is closed and in follow-up.',
  ],
};

export class CaseRecordException extends AppException {
  constructor(code: CaseRecordExceptionCode, details?: ErrorDetails) {
    super(code, STATUS[code], ...MESSAGES[code], details);
  }
}

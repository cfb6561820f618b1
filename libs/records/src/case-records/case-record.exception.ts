import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum CaseRecordExceptionCode {
  NOT_CASE_TEAM = 'NOT_CASE_TEAM',
  CASE_CLOSED = 'CASE_CLOSED',
  NOT_IN_FOLLOW_UP = 'NOT_IN_FOLLOW_UP',
  FOLLOW_UP_PENDING = 'FOLLOW_UP_PENDING',
  STOP_NEEDS_SUPERVISOR = 'STOP_NEEDS_SUPERVISOR',
  NOTHING_TO_STOP = 'NOTHING_TO_STOP',
}

export const CASE_RECORD_EXCEPTION_STATUS: Record<CaseRecordExceptionCode, HttpStatus> = {
  NOT_CASE_TEAM: HttpStatus.FORBIDDEN,
  CASE_CLOSED: HttpStatus.UNPROCESSABLE_ENTITY,
  NOT_IN_FOLLOW_UP: HttpStatus.UNPROCESSABLE_ENTITY,
  FOLLOW_UP_PENDING: HttpStatus.UNPROCESSABLE_ENTITY,
  STOP_NEEDS_SUPERVISOR: HttpStatus.UNPROCESSABLE_ENTITY,
  NOTHING_TO_STOP: HttpStatus.UNPROCESSABLE_ENTITY,
};

const MESSAGES: Record<CaseRecordExceptionCode, [string, string]> = {
  NOT_CASE_TEAM: [
    'Chỉ tư vấn viên được phân công và tổ trưởng của trường mới được ghi thông tin vào hồ sơ này.',
    'Only the assigned counsellor and the school’s supervisors write this case’s records.',
  ],
  CASE_CLOSED: [
    'Hồ sơ đã kết thúc: không thể ghi thêm buổi tư vấn. Hãy mở lại hồ sơ nếu cần tiếp tục hỗ trợ.',
    'The case is closed: no more sessions are recorded. Reopen it to continue the support.',
  ],
  NOT_IN_FOLLOW_UP: [
    'Chỉ được ghi liên hệ theo dõi khi hồ sơ đã kết thúc và đang trong giai đoạn theo dõi sau kết thúc.',
    'Follow-up contacts are recorded only once the case is closed and in follow-up.',
  ],
  FOLLOW_UP_PENDING: [
    'Chưa ghi đủ hai lần liên hệ theo dõi sau kết thúc: chỉ được lưu trữ hồ sơ khi đã ghi đủ, hoặc khi tổ trưởng tư vấn dừng theo dõi sớm và ghi lý do (stopReason).',
    'Both follow-up contacts must be recorded before the case is archived, unless a supervisor stops the follow-up early with a reason (stopReason).',
  ],
  STOP_NEEDS_SUPERVISOR: [
    'Chỉ tổ trưởng tư vấn mới được dừng theo dõi sau kết thúc trước khi ghi đủ hai lần liên hệ.',
    'Only a supervisor may stop the follow-up before both contacts are recorded.',
  ],
  NOTHING_TO_STOP: [
    'Đã ghi đủ các lần liên hệ theo dõi: không có gì để dừng sớm, hãy bỏ lý do dừng (stopReason).',
    'Both follow-up contacts are recorded: there is nothing to stop early; leave out stopReason.',
  ],
};

export class CaseRecordException extends AppException {
  constructor(code: CaseRecordExceptionCode, details?: ErrorDetails) {
    super(code, CASE_RECORD_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

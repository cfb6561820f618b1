import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum IntakeExceptionCode {
  TOO_MANY_REPORTS = 'TOO_MANY_REPORTS',
  NOT_CASE_TEAM = 'NOT_CASE_TEAM',
  LEARNER_FIXED = 'LEARNER_FIXED',
  PROOF_OF_WORK_REFUSED = 'PROOF_OF_WORK_REFUSED',
}

export const INTAKE_EXCEPTION_STATUS: Record<IntakeExceptionCode, HttpStatus> = {
  TOO_MANY_REPORTS: HttpStatus.TOO_MANY_REQUESTS,
  NOT_CASE_TEAM: HttpStatus.FORBIDDEN,
  LEARNER_FIXED: HttpStatus.CONFLICT,
  PROOF_OF_WORK_REFUSED: HttpStatus.BAD_REQUEST,
};

const MESSAGES: Record<IntakeExceptionCode, [string, string]> = {
  TOO_MANY_REPORTS: [
    'Em đã gửi quá nhiều tin báo trong thời gian ngắn. Vui lòng thử lại sau ít phút. Nếu em đang gặp nguy hiểm, hãy gọi ngay Tổng đài 111.',
    'Too many reports sent in a short time; try again in a few minutes. If you are in danger, call the 111 hotline now.',
  ],
  NOT_CASE_TEAM: [
    'Chỉ tư vấn viên được phân công và tổ trưởng của trường mới được xác định học sinh của hồ sơ này.',
    'Only the assigned counsellor and the school’s supervisors name this case’s learner.',
  ],
  LEARNER_FIXED: [
    'Chỉ được xác định hoặc sửa học sinh của hồ sơ khi hồ sơ còn ở giai đoạn tiếp nhận.',
    'A case’s learner is named or corrected only while the case is at intake.',
  ],
  PROOF_OF_WORK_REFUSED: [
    'Bước xác minh chống tin rác (altcha) không hợp lệ, đã hết hạn hoặc đã được dùng. Vui lòng tải lại biểu mẫu và gửi lại. Nếu em đang gặp nguy hiểm, hãy gọi ngay Tổng đài 111.',
    'The anti-spam check (altcha) is invalid, expired or already used; reload the form and send it again. If you are in danger, call the 111 hotline now.',
  ],
};

export class IntakeException extends AppException {
  constructor(code: IntakeExceptionCode, details?: ErrorDetails) {
    super(code, INTAKE_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

import { HttpStatus } from '@nestjs/common';
import { AppException } from '@dh/errors';

export enum EscalationExceptionCode {
  ALERT_NOT_FOUND = 'ALERT_NOT_FOUND',
  ALERT_ALREADY_ACKNOWLEDGED = 'ALERT_ALREADY_ACKNOWLEDGED',
}

export const ESCALATION_EXCEPTION_STATUS: Record<EscalationExceptionCode, HttpStatus> = {
  ALERT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ALERT_ALREADY_ACKNOWLEDGED: HttpStatus.CONFLICT,
};

const MESSAGES: Record<EscalationExceptionCode, [string, string]> = {
  ALERT_NOT_FOUND: ['Không tìm thấy cảnh báo.', 'Alert not found.'],
  ALERT_ALREADY_ACKNOWLEDGED: ['Cảnh báo này đã được xác nhận.', 'This alert was already acknowledged.'],
};

export class EscalationException extends AppException {
  constructor(code: EscalationExceptionCode) {
    super(code, ESCALATION_EXCEPTION_STATUS[code], ...MESSAGES[code]);
  }
}

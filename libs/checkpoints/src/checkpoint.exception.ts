import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum CheckpointExceptionCode {
  NO_CHECKPOINT = 'NO_CHECKPOINT',
}

export const CHECKPOINT_EXCEPTION_STATUS: Record<CheckpointExceptionCode, HttpStatus> = {
  NO_CHECKPOINT: HttpStatus.NOT_FOUND,
};

const MESSAGES: Record<CheckpointExceptionCode, [string, string]> = {
  NO_CHECKPOINT: ['Chưa có điểm kiểm nào được ký.', 'No checkpoint has been signed yet.'],
};

export class CheckpointException extends AppException {
  constructor(code: CheckpointExceptionCode, details?: ErrorDetails) {
    super(code, CHECKPOINT_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum DirectoryExceptionCode {
  PROVIDER_NOT_FOUND = 'PROVIDER_NOT_FOUND',
  PROVIDER_ALREADY_INACTIVE = 'PROVIDER_ALREADY_INACTIVE',
  WARD_NOT_FOUND = 'WARD_NOT_FOUND',
}

export const DIRECTORY_EXCEPTION_STATUS: Record<DirectoryExceptionCode, HttpStatus> = {
  PROVIDER_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROVIDER_ALREADY_INACTIVE: HttpStatus.CONFLICT,
  WARD_NOT_FOUND: HttpStatus.NOT_FOUND,
};

const MESSAGES: Record<DirectoryExceptionCode, [string, string]> = {
  PROVIDER_NOT_FOUND: ['Không tìm thấy đơn vị trong danh bạ dịch vụ.', 'Service provider not found.'],
  PROVIDER_ALREADY_INACTIVE: ['Đơn vị này đã ngừng hoạt động trong danh bạ.', 'This service provider is already inactive.'],
  WARD_NOT_FOUND: ['Không tìm thấy phường.', 'Ward not found.'],
};

export class DirectoryException extends AppException {
  constructor(code: DirectoryExceptionCode, details?: ErrorDetails) {
    super(code, DIRECTORY_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

import { HttpStatus } from '@nestjs/common';
import { AppException, ErrorDetails } from '@dh/errors';

export enum FormsExceptionCode {
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
  PDF_CONVERTER_MISSING = 'PDF_CONVERTER_MISSING',
  PDF_CONVERSION_FAILED = 'PDF_CONVERSION_FAILED',
}

export const FORMS_EXCEPTION_STATUS: Record<FormsExceptionCode, HttpStatus> = {
  REFERRAL_NOT_FOUND: HttpStatus.NOT_FOUND,
  // The server cannot do it at all until an operator installs LibreOffice; the .docx still can be had.
  PDF_CONVERTER_MISSING: HttpStatus.NOT_IMPLEMENTED,
  // LibreOffice is there but failed or ran out of time: worth trying again.
  PDF_CONVERSION_FAILED: HttpStatus.SERVICE_UNAVAILABLE,
};

const MESSAGES: Record<FormsExceptionCode, [string, string]> = {
  REFERRAL_NOT_FOUND: ['Không tìm thấy lần chuyển gửi này trong hồ sơ.', 'Referral not found in this case.'],
  PDF_CONVERTER_MISSING: ['Máy chủ chưa cài LibreOffice (soffice) để xuất PDF', 'soffice (LibreOffice) is not installed on the server'],
  PDF_CONVERSION_FAILED: [
    'LibreOffice (soffice) không chuyển được biểu mẫu sang PDF; hãy thử lại sau hoặc tải bản .docx.',
    'LibreOffice (soffice) could not convert the form to PDF; try again later or download the .docx.',
  ],
};

export class FormsException extends AppException {
  constructor(code: FormsExceptionCode, details?: ErrorDetails) {
    super(code, FORMS_EXCEPTION_STATUS[code], ...MESSAGES[code], details);
  }
}

import { HttpStatus } from '@nestjs/common';
import { AppException } from '../app.exception';
import { moduleException } from '../module-exception';

enum SampleCode {
  GONE = 'GONE',
  TAKEN = 'TAKEN',
}

const SAMPLE_STATUS: Record<SampleCode, HttpStatus> = { GONE: HttpStatus.NOT_FOUND, TAKEN: HttpStatus.CONFLICT };
const MESSAGES: Record<SampleCode, [string, string]> = { GONE: ['Không còn.', 'Gone.'], TAKEN: ['Đã có.', 'Taken.'] };

class SampleException extends moduleException(SAMPLE_STATUS, MESSAGES) {}

describe('moduleException', () => {
  it('gives each code its own status and both messages, as an AppException the global filter knows', () => {
    const e = new SampleException(SampleCode.TAKEN, { field: 'code' });
    expect(e).toBeInstanceOf(SampleException);
    expect(e).toBeInstanceOf(AppException);
    expect(e.constructor.name).toBe('SampleException');
    expect([e.code, e.status, e.messageVi, e.messageEn]).toEqual(['TAKEN', 409, 'Đã có.', 'Taken.']);
    expect(e.details).toEqual({ field: 'code' });
  });

  it('takes a more exact message from the caller, keeping the code’s status', () => {
    const e = new SampleException(SampleCode.GONE, undefined, ['Hồ sơ đã xóa.', 'The case was deleted.']);
    expect([e.status, e.messageVi, e.messageEn]).toEqual([404, 'Hồ sơ đã xóa.', 'The case was deleted.']);
  });

  it('publishes the code-to-status map on the class', () => {
    expect(SampleException.statuses).toBe(SAMPLE_STATUS);
  });
});

import { AppException } from '../app.exception';
import { codesOf, moduleException } from '../module-exception';

const SAMPLE = {
  GONE: { status: 404, vi: 'Không còn.', en: 'Gone.' },
  TAKEN: { status: 409, vi: 'Đã có.', en: 'Taken.' },
};
const SampleCode = codesOf(SAMPLE);

class SampleException extends moduleException(SAMPLE) {}

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

  it('names each code after itself and publishes the code-to-status map on the class', () => {
    expect(SampleCode).toEqual({ GONE: 'GONE', TAKEN: 'TAKEN' });
    expect(SampleException.statuses).toEqual({ GONE: 404, TAKEN: 409 });
  });
});

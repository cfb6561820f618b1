import fc from 'fast-check';
import { caseCursorProblem, decodeCaseCursor, encodeCaseCursor } from '../case-cursor';

const ID = '0b6f7c3e-2a4d-4f8e-9c1a-5d2e3f4a5b6c';

describe('the case list’s cursor', () => {
  it('reads back the key it was made from, to the microsecond', () => {
    const key = { updatedAt: '2026-03-02T02:00:00.123456Z', id: ID };
    const cursor = encodeCaseCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCaseCursor(cursor)).toEqual(key);
    expect(caseCursorProblem(cursor)).toBeNull();
  });

  it('refuses with a reason, never throws, whatever string it is sent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: 'binary' })), (value) => {
        const decoded = decodeCaseCursor(value);
        if (decoded) expect(encodeCaseCursor(decoded)).toBe(value);
        else expect(caseCursorProblem(value)).toMatch(/ \/ cursor /);
      }),
    );
  });

  it('refuses a day that does not exist, a key cut to the millisecond, and a non-string', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    expect(decodeCaseCursor(b64(`2026-02-30T00:00:00.000000Z|${ID}`))).toBeNull();
    expect(decodeCaseCursor(b64(`2026-02-28T24:00:00.000000Z|${ID}`))).toBeNull();
    expect(decodeCaseCursor(b64(`2026-03-02T02:00:00.123Z|${ID}`))).toBeNull();
    expect(caseCursorProblem(42)).toMatch(/base64url/);
  });
});

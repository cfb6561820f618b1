import { base32Decode, base32Encode, otpauthUri, totpCode, totpStepOf } from '../totp';

// RFC 6238 Appendix B, the SHA-1 rows: the ASCII secret "12345678901234567890", eight digits.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('gives the RFC 6238 test vector at T=%d', (time, expected) => {
    expect(totpCode(RFC_SECRET, time, { digits: 8 })).toBe(expected);
  });

  it('gives six digits by default, the last six of the RFC vector', () => {
    expect(totpCode(RFC_SECRET, 59)).toBe('287082');
  });

  it('accepts a code one step either side of now and tells its step, not two steps off', () => {
    const now = 1111111111;
    const step = Math.floor(now / 30);
    expect(totpStepOf(RFC_SECRET, totpCode(RFC_SECRET, now - 30), now)).toBe(step - 1);
    expect(totpStepOf(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(totpStepOf(RFC_SECRET, totpCode(RFC_SECRET, now + 30), now)).toBe(step + 1);
    expect(totpStepOf(RFC_SECRET, totpCode(RFC_SECRET, now - 60), now)).toBeNull();
    expect(totpStepOf(RFC_SECRET, totpCode(RFC_SECRET, now + 60), now)).toBeNull();
    expect(totpStepOf(RFC_SECRET, 'abcdef', now)).toBeNull();
  });

  it('encodes base32 as RFC 4648 does and decodes it back', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(Buffer.from(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toString('ascii')).toBe(
      '12345678901234567890',
    );
  });

  it('writes an otpauth URI an authenticator app reads', () => {
    const uri = new URL(otpauthUri('Đồng Hành', 'gs.dongda', 'GEZDGNBV'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Đồng Hành:gs.dongda');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBV');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});

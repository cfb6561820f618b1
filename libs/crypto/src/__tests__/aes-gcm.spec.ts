import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from '../aes-gcm';
import { masterKeyFrom } from '../master-key';

describe('sealing a value', () => {
  const key = randomBytes(32);
  const plain = Buffer.from('Em bị bạn đánh trong nhà vệ sinh', 'utf8');

  it('opens with the same key and context, and never repeats a ciphertext', () => {
    const a = encrypt(key, plain, 'case.summary');
    const b = encrypt(key, plain, 'case.summary');
    expect(a.equals(b)).toBe(false);
    expect(decrypt(key, a, 'case.summary').toString('utf8')).toBe(plain.toString('utf8'));
  });

  it('refuses a flipped bit, another context and another key', () => {
    const sealed = encrypt(key, plain, 'case.summary');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 1;
    expect(() => decrypt(key, flipped, 'case.summary')).toThrow();
    expect(() => decrypt(key, sealed, 'case_reporter.name')).toThrow();
    expect(() => decrypt(randomBytes(32), sealed, 'case.summary')).toThrow();
  });

  it('derives the same master key and fingerprint from the same DATA_KEY, and another from another', () => {
    const a = masterKeyFrom('a-data-key-of-at-least-thirty-two-chars');
    expect(masterKeyFrom('a-data-key-of-at-least-thirty-two-chars')).toEqual(a);
    const b = masterKeyFrom('b-data-key-of-at-least-thirty-two-chars');
    expect(b.fingerprint).not.toBe(a.fingerprint);
    expect(a.key).toHaveLength(32);
  });
});

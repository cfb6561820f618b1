import { pbkdf2Sync, randomBytes, webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { altchaPayload, solveChallenge, type AltchaChallenge } from '../proofOfWork';

// jsdom has neither Web Crypto's subtle API nor TextEncoder: Node's own, as a browser has them.
beforeAll(() => {
  Object.defineProperty(globalThis, 'TextEncoder', { value: TextEncoder, configurable: true });
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});

// A challenge as the server makes it (altcha-lib's createChallenge with a chosen counter): the key prefix is the
// first half of the PBKDF2 key of the nonce followed by the counter as a big-endian uint32.
const challengeWith = (counter: number, cost = 2): AltchaChallenge => {
  const nonce = randomBytes(16);
  const salt = randomBytes(16);
  const password = Buffer.concat([nonce, Buffer.alloc(4)]);
  password.writeUInt32BE(counter, nonce.length);
  const key = pbkdf2Sync(password, salt, cost, 32, 'sha256');
  return {
    parameters: {
      algorithm: 'PBKDF2/SHA-256',
      cost,
      keyLength: 32,
      keyPrefix: key.subarray(0, 16).toString('hex'),
      nonce: nonce.toString('hex'),
      salt: salt.toString('hex'),
      data: { expires: 4_000_000_000 },
    },
    signature: 'f'.repeat(64),
  };
};

describe('the public form’s proof of work', () => {
  it('finds the counter the server chose, with the key the server derives', async () => {
    const challenge = challengeWith(137);
    const progress: number[] = [];
    const solution = await solveChallenge(challenge, { onProgress: (c) => progress.push(c) });
    expect(solution.counter).toBe(137);
    expect(solution.derivedKey.startsWith(challenge.parameters.keyPrefix)).toBe(true);
    expect(solution.derivedKey).toMatch(/^[0-9a-f]{64}$/);
    expect(progress).toEqual([0, 50, 100]);
  });

  it('sends base64 of JSON {challenge, solution}, the challenge as it came', async () => {
    const challenge = challengeWith(3);
    const solution = await solveChallenge(challenge);
    const decoded = JSON.parse(Buffer.from(altchaPayload(challenge, solution), 'base64').toString('utf8'));
    expect(decoded).toEqual({ challenge, solution });
  });

  it('stops when asked, and refuses an algorithm it does not know', async () => {
    const challenge = challengeWith(500);
    const controller = new AbortController();
    controller.abort();
    await expect(solveChallenge(challenge, { signal: controller.signal })).rejects.toThrow('stopped');
    const odd = { ...challenge, parameters: { ...challenge.parameters, algorithm: 'SCRYPT' } };
    await expect(solveChallenge(odd)).rejects.toThrow('unsupported');
  });
});

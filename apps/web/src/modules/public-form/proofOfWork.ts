import type { components } from '../api/openapiTypes';

export type AltchaChallenge = components['schemas']['AltchaChallengeDto'];
export type AltchaSolution = { counter: number; derivedKey: string };

const HASHES: Record<string, string> = {
  'PBKDF2/SHA-256': 'SHA-256',
  'PBKDF2/SHA-384': 'SHA-384',
  'PBKDF2/SHA-512': 'SHA-512',
};
// Far above any counter the server draws (ALTCHA_MAX_NUMBER): a challenge never solved ends instead of spinning.
const COUNTER_LIMIT = 10_000_000;

const hexToBytes = (hex: string): Uint8Array<ArrayBuffer> => {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new Error('not a hex string');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
};

const bytesToHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

// ALTCHA v2's solver (altcha-lib's solveChallenge with its Web Crypto PBKDF2, counter mode uint32), written out
// here so that the page needs no library and nothing the content security policy forbids: the password is the
// nonce followed by the counter as a big-endian 32-bit integer; the answer is the first counter whose PBKDF2 key
// starts with `keyPrefix`. `onProgress` hears the counter now and then, `signal` stops the search.
export const solveChallenge = async (
  challenge: AltchaChallenge,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (counter: number) => void } = {},
): Promise<AltchaSolution> => {
  const { algorithm, cost, keyLength = 32, keyPrefix, nonce, salt } = challenge.parameters;
  const hash = HASHES[algorithm];
  if (!hash) throw new Error(`unsupported proof-of-work algorithm ${algorithm}`);
  const prefix = keyPrefix.toLowerCase();
  const saltBytes = hexToBytes(salt);
  const nonceBytes = hexToBytes(nonce);
  const password = new Uint8Array(nonceBytes.length + 4);
  password.set(nonceBytes, 0);
  const counterView = new DataView(password.buffer);
  for (let counter = 0; counter <= COUNTER_LIMIT; counter++) {
    if (signal?.aborted) throw new DOMException('proof of work stopped', 'AbortError');
    counterView.setUint32(nonceBytes.length, counter, false);
    const key = await crypto.subtle.importKey('raw', password, { name: 'PBKDF2' }, false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', salt: saltBytes, iterations: cost, hash },
      key,
      keyLength * 8,
    );
    const derivedKey = bytesToHex(new Uint8Array(bits));
    if (derivedKey.startsWith(prefix)) return { counter, derivedKey };
    if (counter % 50 === 0) onProgress?.(counter);
  }
  throw new Error('proof of work: no counter found');
};

// The `altcha` field the API takes: base64 of JSON {challenge, solution}, the challenge exactly as it came.
export const altchaPayload = (challenge: AltchaChallenge, solution: AltchaSolution): string => {
  const bytes = new TextEncoder().encode(JSON.stringify({ challenge, solution }));
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary);
};

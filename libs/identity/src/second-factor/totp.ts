import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { generateSync, verifySync } from '@otplib/totp';

// RFC 6238 as authenticator apps use it: HMAC-SHA-1, six digits, thirty-second steps counted from the Unix epoch.
// otplib's own packages (HOTP/TOTP and the node:crypto plugin) ship CommonJS; its umbrella package pulls in
// ESM-only base32 and hash libraries that jest cannot require on Node 20, so base32 is done here (RFC 4648).
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
// One step either side: a phone's clock a little off, or a code typed as its step turned.
const DRIFT_STEPS = 1;

const crypto = new NodeCryptoPlugin();

export type TotpOptions = { digits?: 6 | 7 | 8; algorithm?: 'sha1' | 'sha256' | 'sha512' };

export const totpCode = (secret: Uint8Array, epochSeconds: number, options: TotpOptions = {}): string =>
  generateSync({
    secret,
    epoch: epochSeconds,
    period: TOTP_PERIOD_SECONDS,
    digits: options.digits ?? TOTP_DIGITS,
    algorithm: options.algorithm ?? 'sha1',
    crypto,
  });

// The time step the code belongs to (within the drift allowed), or null if it matches none.
export const totpStepOf = (secret: Uint8Array, code: string, epochSeconds: number): number | null => {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: epochSeconds,
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    algorithm: 'sha1',
    epochTolerance: DRIFT_STEPS * TOTP_PERIOD_SECONDS,
    crypto,
  });
  return result.valid ? result.timeStep : null;
};

export const totpStep = (epochSeconds: number): number => Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// RFC 4648 base32 without padding, as otpauth:// URIs carry secrets.
export const base32Encode = (bytes: Uint8Array): string => {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
};

export const base32Decode = (text: string): Uint8Array => {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error('not base32');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
};

// What an authenticator app scans: the issuer and account shown in the app, and the secret.
export const otpauthUri = (issuer: string, account: string, secretBase32: string): string => {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
};

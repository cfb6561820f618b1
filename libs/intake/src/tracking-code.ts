import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud over the phone or copied from a screenshot stays one code.
export const TRACKING_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const GROUPS = 2;
const GROUP_LENGTH = 4;

// 'TN-XXXX-XXXX': 25^8 ≈ 1.5·10^11 codes from a CSPRNG, so one cannot be guessed to reach a report.
export const newTrackingCode = (): string =>
  [
    'TN',
    ...Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join(''),
    ),
  ].join('-');

// What the digest is taken over: the code as the reporter may type it back (any case, spaces or dashes).
export const normaliseTrackingCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

export const trackingDigestInput = (code: string): string => `intake-tracking:${normaliseTrackingCode(code)}`;

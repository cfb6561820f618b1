import { createHmac, hkdfSync } from 'node:crypto';

export type MasterKey = { fingerprint: string; key: Buffer; digestKey: Buffer };

// DATA_KEY is a passphrase of at least 32 characters, not raw key bytes: HKDF turns it into the AES key.
// The fingerprint lets a data key row name the master key that wrapped it without revealing it.
export const masterKeyFrom = (secret: string): MasterKey => {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'dong-hanh', 'master-key/v1', 32));
  const fingerprint = createHmac('sha256', key).update('dong-hanh/master-key-id').digest('hex').slice(0, 16);
  // A second key from the same secret, for keyed digests of content (never the encryption key itself).
  const digestKey = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'dong-hanh', 'digest-key/v1', 32));
  return { fingerprint, key, digestKey };
};

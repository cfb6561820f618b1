import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { decrypt, encrypt } from './aes-gcm';
import { KeyRing } from './key-ring';

// dh1:<data key id>:<base64url of iv | tag | ciphertext>
const PREFIX = 'dh1:';
const SEALED = /^dh1:([0-9a-f-]{36}):([A-Za-z0-9_-]+)$/;

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);
export const sealedKeyId = (value: string): string | null => SEALED.exec(value)?.[1] ?? null;

// Confidential values are sealed before they reach the database (so neither it, its dumps nor its
// statement logs hold them) and opened only for a reader the access rules allow. `context` names where the
// value lives and is bound to it.
@Injectable()
export class FieldCipher {
  constructor(private readonly ring: KeyRing) {}

  seal(plaintext: string, context: string): string {
    const { id, key } = this.ring.active();
    return `${PREFIX}${id}:${encrypt(key, Buffer.from(plaintext, 'utf8'), context).toString('base64url')}`;
  }

  // Values written before sealing existed are read as they are, until `rotate-data-key` seals them.
  async open(value: string, context: string): Promise<string> {
    if (!isSealed(value)) return value;
    const m = SEALED.exec(value);
    if (!m) throw new Error(`malformed sealed value in ${context}`);
    return decrypt(await this.ring.key(m[1]), Buffer.from(m[2], 'base64url'), context).toString('utf8');
  }

  sealJson(value: unknown, context: string): string {
    return this.seal(JSON.stringify(value), context);
  }

  async openJson<T>(value: string, context: string): Promise<T> {
    return JSON.parse(await this.open(value, context)) as T;
  }

  // HMAC-SHA256 under a key derived from DATA_KEY: a stored digest of content that a dump cannot test guesses against.
  digest(text: string): string {
    return createHmac('sha256', this.ring.digestKey()).update(text, 'utf8').digest('hex');
  }

  activeKeyId(): string {
    return this.ring.active().id;
  }
}

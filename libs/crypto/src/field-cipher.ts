import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { decrypt, encrypt } from './aes-gcm';
import { KeyRing } from './key-ring';

// dh1:<data key id>:<base64url of iv | tag | ciphertext>
const PREFIX = 'dh1:';
const SEALED = /^dh1:([0-9a-f-]{36}):([A-Za-z0-9_-]+)$/;

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);
export const sealedKeyId = (value: string): string | null => SEALED.exec(value)?.[1] ?? null;

// What a reader sees in place of content whose data key was destroyed at the end of its retention period.
export const SHREDDED_TEXT = '(Đã hủy theo thời hạn lưu trữ)';

// Seals under one key: the shared one, or a scope's (a case's), fetched once for the values a write seals.
export type Sealer = {
  keyId: string;
  seal(plaintext: string, context: string): string;
  sealJson(value: unknown, context: string): string;
};

const sealerOf = (id: string, key: Buffer): Sealer => {
  const seal = (plaintext: string, context: string) =>
    `${PREFIX}${id}:${encrypt(key, Buffer.from(plaintext, 'utf8'), context).toString('base64url')}`;
  return { keyId: id, seal, sealJson: (value, context) => seal(JSON.stringify(value), context) };
};

// Confidential values are sealed before they reach the database (so neither it, its dumps nor its
// statement logs hold them) and opened only for a reader the access rules allow. `context` names where the
// value lives and is bound to it.
@Injectable()
export class FieldCipher {
  constructor(private readonly ring: KeyRing) {}

  // Under the shared data key: what belongs to no case (a user's second-factor secret, a learner's family).
  seal(plaintext: string, context: string): string {
    return this.sharedSealer().seal(plaintext, context);
  }

  sealJson(value: unknown, context: string): string {
    return this.sharedSealer().sealJson(value, context);
  }

  // Under a scope's own key (`caseScope(id)`), made in `tx` the first time: what a case's retention may shred.
  async sealer(tx: EntityManager, scope: string): Promise<Sealer> {
    const { id, key } = await this.ring.scopeKey(tx, scope);
    return sealerOf(id, key);
  }

  // Values written before sealing existed are read as they are, until `rotate-data-key` seals them. A value
  // whose key was destroyed reads as SHREDDED_TEXT.
  async open(value: string, context: string): Promise<string> {
    return (await this.openOrShredded(value, context)) ?? SHREDDED_TEXT;
  }

  // `shredded`: what stands for a destroyed value in this shape (a list's reader gets a list).
  async openJson<T>(value: string, context: string, shredded?: T): Promise<T> {
    const text = await this.openOrShredded(value, context);
    if (text === null) return shredded ?? (SHREDDED_TEXT as T);
    return JSON.parse(text) as T;
  }

  // HMAC-SHA256 under a key derived from DATA_KEY: a stored digest of content that a dump cannot test guesses against.
  digest(text: string): string {
    return createHmac('sha256', this.ring.digestKey()).update(text, 'utf8').digest('hex');
  }

  activeKeyId(): string {
    return this.ring.active().id;
  }

  sharedSealer(): Sealer {
    const { id, key } = this.ring.active();
    return sealerOf(id, key);
  }

  private async openOrShredded(value: string, context: string): Promise<string | null> {
    if (!isSealed(value)) return value;
    const m = SEALED.exec(value);
    if (!m) throw new Error(`malformed sealed value in ${context}`);
    const key = await this.ring.key(m[1]);
    if (!key) return null;
    return decrypt(key, Buffer.from(m[2], 'base64url'), context).toString('utf8');
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, KeyObject, sign } from 'node:crypto';
import { APP_CONFIG, AppConfig, parseSigningKey } from '@dh/config';
import { fingerprintOf } from './checkpoint-document';

// The checkpoints' Ed25519 key, from AUDIT_SIGNING_KEY: held in memory only, never written to the database.
@Injectable()
export class CheckpointSigner {
  private readonly privateKey: KeyObject;
  readonly publicKeyDer: Buffer;
  readonly fingerprint: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.privateKey = parseSigningKey(config.auditSigningKey);
    this.publicKeyDer = createPublicKey(this.privateKey).export({ type: 'spki', format: 'der' });
    this.fingerprint = fingerprintOf(this.publicKeyDer);
  }

  signDigest(digest: string): string {
    return sign(null, Buffer.from(digest, 'hex'), this.privateKey).toString('base64');
  }
}

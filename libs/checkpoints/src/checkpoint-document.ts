import canonicalize from 'canonicalize';
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { ChainHead } from '@dh/audit';

export const CHECKPOINT_FORMAT = 'dong-hanh/audit-checkpoint@1';

export type CheckpointChain = { caseId: string } & ChainHead;

// What is signed: the heads of the chains that moved since the previous checkpoint (sorted by case), the admin
// chain's head, and the previous checkpoint's digest, so that a missing checkpoint shows too.
export type CheckpointBody = {
  format: typeof CHECKPOINT_FORMAT;
  number: number;
  takenAt: string;
  previousDigest: string | null;
  admin: ChainHead | null;
  chains: CheckpointChain[];
};

// The file: the body, its digest (SHA-256 of the body's RFC 8785 canonical JSON), the Ed25519 signature of
// the digest's 32 bytes, and the public key (base64 SPKI DER) with its fingerprint (SHA-256 of that DER),
// so that anyone can check it offline.
export type CheckpointDocument = CheckpointBody & {
  digest: string;
  publicKey: string;
  keyFingerprint: string;
  signature: string;
};

// SHA-256 of a signed document's body as RFC 8785 canonical JSON: what its signature covers. `what` names the
// document in the error a body that cannot be serialised raises.
export const canonicalDigestOf = (body: object, what: string): string => {
  const canonical = canonicalize(body);
  if (canonical === undefined) throw new Error(`${what} is not serialisable`);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

export const digestOf = (body: CheckpointBody): string => {
  const { format, number, takenAt, previousDigest, admin, chains } = body;
  return canonicalDigestOf({ format, number, takenAt, previousDigest, admin, chains }, 'checkpoint body');
};

export const fingerprintOf = (publicKeyDer: Buffer): string => createHash('sha256').update(publicKeyDer).digest('hex');

// Why a signed document's Ed25519 signature of its digest does not verify under the public key it carries, or its
// stated fingerprint is not that key's; null when both hold. Whether the key is the one expected is the caller's.
export const signatureRefusalOf = (d: {
  digest: string;
  publicKey: string;
  signature: string;
  keyFingerprint?: unknown;
}): string | null => {
  const der = Buffer.from(d.publicKey, 'base64');
  let signed = false;
  try {
    signed = verify(
      null,
      Buffer.from(d.digest, 'hex'),
      createPublicKey({ key: der, format: 'der', type: 'spki' }),
      Buffer.from(d.signature, 'base64'),
    );
  } catch {
    signed = false;
  }
  if (!signed) return 'signature does not verify with the key the file carries';
  if (d.keyFingerprint !== fingerprintOf(der)) return 'keyFingerprint is not the fingerprint of publicKey';
  return null;
};

const HEX64 = /^[0-9a-f]{64}$/;
const isHead = (h: unknown): h is ChainHead =>
  typeof h === 'object' &&
  h !== null &&
  Number.isInteger((h as ChainHead).seq) &&
  (h as ChainHead).seq >= 1 &&
  HEX64.test(String((h as ChainHead).hash));

// Why a file is not a checkpoint this installation signed, or null when it is: its shape, its digest, its
// signature under the key it carries, and that key against this installation's own (`trustedFingerprint`).
export const refusalOf = (doc: unknown, trustedFingerprint: string): string | null => {
  const d = doc as Partial<CheckpointDocument> | null;
  if (typeof d !== 'object' || d === null || d.format !== CHECKPOINT_FORMAT)
    return `not a checkpoint (format ${CHECKPOINT_FORMAT} expected)`;
  if (
    !Number.isInteger(d.number) ||
    typeof d.takenAt !== 'string' ||
    !Array.isArray(d.chains) ||
    (d.admin !== null && !isHead(d.admin))
  )
    return 'malformed checkpoint';
  if (!d.chains.every((c) => isHead(c) && typeof c.caseId === 'string' && /^[0-9a-f-]{36}$/.test(c.caseId)))
    return 'malformed chain head';
  if (typeof d.publicKey !== 'string' || typeof d.signature !== 'string' || typeof d.digest !== 'string')
    return 'unsigned checkpoint';
  if (digestOf(d as CheckpointBody) !== d.digest) return 'digest does not match the content: the file was changed';
  const refused = signatureRefusalOf({
    digest: d.digest,
    publicKey: d.publicKey,
    signature: d.signature,
    keyFingerprint: d.keyFingerprint,
  });
  if (refused) return refused;
  if (d.keyFingerprint !== trustedFingerprint)
    return `signed by key ${d.keyFingerprint}, not by this installation's AUDIT_SIGNING_KEY (${trustedFingerprint})`;
  return null;
};

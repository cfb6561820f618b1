import { AuditEvent, hashEvent } from '@dh/audit';
import { canonicalDigestOf, signatureRefusalOf } from '@dh/checkpoints';

export const TRANSFER_PACKAGE_FORMAT = 'dong-hanh/case-transfer-package@1';

// An event of the chain as stored (sealed fields stay sealed: the hashes vouch for exactly that), its time as text.
export type PackagedEvent = Omit<AuditEvent, 'at'> & { at: string };

// What is signed: the case as the receiving school needs it (its content opened), and its whole chain as stored,
// the CASE_EXPORTED event that records this package last.
export type TransferPackageBody = {
  format: typeof TRANSFER_PACKAGE_FORMAT;
  exportedAt: string;
  fromSchool: { id: string; code: string; name: string };
  case: Record<string, unknown>;
  events: PackagedEvent[];
};

// The file: the body, its digest (SHA-256 of its RFC 8785 canonical JSON), the Ed25519 signature of the digest's
// 32 bytes by the installation's audit signing key (the checkpoints' key), and that key (base64 SPKI DER) with its
// fingerprint, so that anyone can check it offline and compare the fingerprint with the one the school announces.
export type TransferPackage = TransferPackageBody & {
  digest: string;
  publicKey: string;
  keyFingerprint: string;
  signature: string;
};

export const packageDigestOf = (body: TransferPackageBody): string => {
  const { format, exportedAt, fromSchool, case: kase, events } = body;
  return canonicalDigestOf({ format, exportedAt, fromSchool, case: kase, events }, 'transfer package');
};

export const packagedEvent = (e: AuditEvent): PackagedEvent => ({ ...e, at: e.at.toISOString() });

// Why a file is not an intact transfer package, or null when it is: its shape, its digest, its signature under the
// key it carries (and that key against `trustedFingerprint` when one is given), then the chain itself: every
// event's hash, its number and its link to the one before.
export const packageRefusalOf = (doc: unknown, trustedFingerprint?: string): string | null => {
  const d = doc as Partial<TransferPackage> | null;
  if (typeof d !== 'object' || d === null || d.format !== TRANSFER_PACKAGE_FORMAT)
    return `not a transfer package (format ${TRANSFER_PACKAGE_FORMAT} expected)`;
  if (!Array.isArray(d.events) || typeof d.case !== 'object' || d.case === null || typeof d.exportedAt !== 'string')
    return 'malformed transfer package';
  if (typeof d.publicKey !== 'string' || typeof d.signature !== 'string' || typeof d.digest !== 'string')
    return 'unsigned transfer package';
  if (packageDigestOf(d as TransferPackageBody) !== d.digest)
    return 'digest does not match the content: the file was changed';
  const refused = signatureRefusalOf({
    digest: d.digest,
    publicKey: d.publicKey,
    signature: d.signature,
    keyFingerprint: d.keyFingerprint,
  });
  if (refused) return refused;
  if (trustedFingerprint !== undefined && d.keyFingerprint !== trustedFingerprint)
    return `signed by key ${d.keyFingerprint}, not by the expected ${trustedFingerprint}`;
  return chainRefusalOf(d.events);
};

const chainRefusalOf = (events: PackagedEvent[]): string | null => {
  if (events.length === 0) return 'the chain is empty';
  let prev: string | null = null;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return `event ${i + 1} carries number ${e.seq}`;
    if (e.prevHash !== prev) return `event ${e.seq} does not link to the one before`;
    if (hashEvent({ ...e, at: new Date(e.at) }) !== e.hash) return `event ${e.seq} does not hash to its stored hash`;
    prev = e.hash;
  }
  return null;
};

import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export type ChainedFields = {
  caseId: string;
  seq: number;
  schoolId: string;
  type: string;
  fromState: string | null;
  toState: string | null;
  actorId: string | null;
  actorRole: string | null;
  payload: Record<string, unknown>;
  requestId: string | null;
  at: Date;
  prevHash: string | null;
};

// SHA-256 over the RFC 8785 canonical JSON of every field, the previous hash included,
// so changing, removing or reordering any event breaks every hash after it.
export const hashEvent = (fields: ChainedFields): string => {
  // Picked one by one: whatever else the object carries (its own hash) must not enter the digest.
  const { caseId, seq, schoolId, type, fromState, toState, actorId, actorRole, payload, requestId, at, prevHash } =
    fields;
  return hashRecord({
    caseId,
    seq,
    schoolId,
    type,
    fromState,
    toState,
    actorId,
    actorRole,
    payload,
    requestId,
    at: at.toISOString(),
    prevHash,
  });
};

// Any chain's digest: SHA-256 of the RFC 8785 canonical JSON of the record (which names its previous hash).
export const hashRecord = (record: Record<string, unknown>): string => {
  const canonical = canonicalize(record);
  if (canonical === undefined) throw new Error('audit event is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

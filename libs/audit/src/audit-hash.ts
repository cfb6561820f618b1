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
export const hashEvent = (fields: ChainedFields): string =>
  createHash('sha256').update(canonicalEvent(fields), 'utf8').digest('hex');

const isText = (v: unknown): v is string | null => v === null || typeof v === 'string';
const text = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v));

// The bytes hashEvent digests: exactly canonicalize() of the record below. The record's keys are fixed, so they are
// written in the order RFC 8785 sorts them and only the payload is canonicalised generically: verification
// canonicalises every stored event, and sorting twelve keys per event was most of that. Anything not shaped as the
// type says (a field left undefined by a caller, which canonicalize drops) takes the generic way, byte for byte
// the same as before.
export const canonicalEvent = (f: ChainedFields): string => {
  const { caseId, seq, schoolId, type, fromState, toState, actorId, actorRole, payload, requestId, at, prevHash } = f;
  const plain =
    isText(caseId) &&
    isText(schoolId) &&
    isText(type) &&
    isText(fromState) &&
    isText(toState) &&
    isText(actorId) &&
    isText(actorRole) &&
    isText(requestId) &&
    isText(prevHash) &&
    Number.isFinite(seq) &&
    typeof payload === 'object';
  // toISOString() writes only digits and -+:.TZ, which JSON leaves unescaped.
  if (plain)
    return (
      `{"actorId":${text(actorId)},"actorRole":${text(actorRole)},"at":"${at.toISOString()}",` +
      `"caseId":${text(caseId)},"fromState":${text(fromState)},"payload":${canonicalJson(payload)},` +
      `"prevHash":${text(prevHash)},"requestId":${text(requestId)},"schoolId":${text(schoolId)},"seq":${seq},` +
      `"toState":${text(toState)},"type":${text(type)}}`
    );
  return canonicalJson({
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

const canonicalJson = (value: unknown): string => {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('audit event is not serialisable');
  return canonical;
};

// Any chain's digest: SHA-256 of the RFC 8785 canonical JSON of the record (which names its previous hash).
export const hashRecord = (record: Record<string, unknown>): string =>
  createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');

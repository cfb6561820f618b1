import { createHash, hash } from 'node:crypto';
import { types } from 'pg';
import { canonicalEvent } from '../audit-hash';

// audit_event's columns in the order a swept row holds them, each as the text PostgreSQL sent (null for NULL).
export const EVENT_COLUMNS = `case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role, payload, request_id, at, prev_hash, hash`;
export type StoredRow = (string | null)[];
export const COLUMNS = 13;
// Where the fields the chain checks read sit in a row.
export const COL = { caseId: 0, seq: 1, type: 3, fromState: 4, toState: 5, prevHash: 11, hash: 12 } as const;

// Rows as one string and a null mask, so a batch crosses to a worker thread as two copies rather than a clone of
// every field. PostgreSQL's text cannot hold U+0000, so it cannot occur inside a field.
export type PackedRows = { text: string; nulls: Uint8Array<ArrayBuffer>; rows: number };

export const packRows = (rows: StoredRow[]): PackedRows => {
  const nulls = new Uint8Array(rows.length * COLUMNS);
  const fields: string[] = new Array<string>(rows.length * COLUMNS);
  let k = 0;
  for (const row of rows)
    for (let c = 0; c < COLUMNS; c++, k++) {
      const v = row[c];
      if (v === null) nulls[k] = 1;
      fields[k] = v ?? '';
    }
  return { text: fields.join('\0'), nulls, rows: rows.length };
};

// The parsers TypeORM's reads go through (pg's own), so an event is hashed from exactly the values
// AuditService.history hands the per-case verification: the same Date, the same parsed payload.
const parseAt = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => Date;
const parsePayload = types.getTypeParser(types.builtins.JSONB) as (text: string) => Record<string, unknown>;
export const parseSeq = types.getTypeParser(types.builtins.INT4) as (text: string) => number;

// crypto.hash, one call and no Hash object, where this Node has it (20.12 on): a sixth of the work per event.
const sha256 = (text: string): string =>
  typeof hash === 'function' ? hash('sha256', text, 'hex') : createHash('sha256').update(text, 'utf8').digest('hex');

// For each packed row, 1 where the stored hash is the hash of the stored event, else 0.
export const matchingHashes = ({ text, nulls, rows }: PackedRows): Uint8Array<ArrayBuffer> => {
  const f = text.split('\0');
  const out = new Uint8Array(rows);
  const at = (k: number): string | null => (nulls[k] ? null : f[k]);
  for (let r = 0, k = 0; r < rows; r++, k += COLUMNS) {
    const canonical = canonicalEvent({
      caseId: f[k],
      seq: parseSeq(f[k + 1]),
      schoolId: f[k + 2],
      type: f[k + 3],
      fromState: at(k + 4),
      toState: at(k + 5),
      actorId: at(k + 6),
      actorRole: at(k + 7),
      payload: parsePayload(f[k + 8]),
      requestId: at(k + 9),
      at: parseAt(f[k + 10]),
      prevHash: at(k + 11),
    });
    out[r] = sha256(canonical) === f[k + 12] ? 1 : 0;
  }
  return out;
};

import { AuditEvent } from '@dh/audit';

export const toHistoryItem = (e: AuditEvent) => ({
  seq: e.seq,
  type: e.type,
  fromState: e.fromState,
  toState: e.toState,
  actorId: e.actorId,
  actorRole: e.actorRole,
  payload: e.payload,
  requestId: e.requestId,
  at: e.at.toISOString(),
  prevHash: e.prevHash,
  hash: e.hash,
});

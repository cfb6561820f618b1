import { AuditEvent } from '../audit-event.entity';
import { hashEvent } from '../audit-hash';
import { verifyChain } from '../chain-checks';

const chain = (n: number): AuditEvent[] => {
  const events: AuditEvent[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      caseId: 'c1',
      seq,
      schoolId: 's1',
      type: seq === 1 ? 'CASE_OPENED' : 'ADD_NOTE',
      fromState: 'intake',
      toState: 'intake',
      actorId: 'u1',
      actorRole: 'counsellor',
      payload: { text: `ghi chú ${seq}`, nested: { b: 1, a: [1, 2] } },
      requestId: `r${seq}`,
      at: new Date(Date.UTC(2026, 2, 2, 2, seq)),
      prevHash: events[seq - 2]?.hash ?? null,
    };
    events.push({ ...base, hash: hashEvent(base) });
  }
  return events;
};

describe('audit chain', () => {
  it('hashes the canonical form: key order does not matter, any value does', () => {
    const [e] = chain(1);
    expect(hashEvent({ ...e, payload: { nested: { a: [1, 2], b: 1 }, text: 'ghi chú 1' } })).toBe(e.hash);
    expect(hashEvent({ ...e, payload: { ...e.payload, text: 'ghi chu 1' } })).not.toBe(e.hash);
    expect(hashEvent({ ...e, at: new Date(e.at.getTime() + 1) })).not.toBe(e.hash);
    expect(hashEvent({ ...e, actorRole: 'supervisor' })).not.toBe(e.hash);
  });

  it('verifies an intact chain and names the first event that does not match', () => {
    const sut = (caseId: string, events: AuditEvent[]) => ({ caseId, ...verifyChain(events, hashEvent) });
    expect(sut('c1', chain(5))).toEqual({ caseId: 'c1', valid: true, events: 5, findings: [] });
    const edited = chain(5);
    edited[2] = { ...edited[2], payload: { text: 'sửa' } };
    expect(sut('c1', edited)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      findings: [{ check: 'hash', seq: 3 }],
    });
    const rehashed = chain(5);
    rehashed[1] = { ...rehashed[1], toState: 'closed' };
    rehashed[1].hash = hashEvent(rehashed[1]);
    // Recomputing the edited event's own hash does not help: the next one no longer links to it.
    expect(sut('c1', rehashed)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      findings: [{ check: 'link', seq: 3 }],
    });
    expect(sut('c1', [chain(5)[0], ...chain(5).slice(2)])).toMatchObject({
      valid: false,
      firstInvalidSeq: 2,
      findings: [{ check: 'sequence', seq: 2 }],
    });
  });
});

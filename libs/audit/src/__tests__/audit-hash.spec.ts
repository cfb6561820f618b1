import canonicalize from 'canonicalize';
import { AuditEvent } from '../audit-event.entity';
import { canonicalEvent, ChainedFields, hashEvent } from '../audit-hash';
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

// An event whose every field asks something of the canonical form: escapes, astral and combining letters, keys that
// sort differently by code unit than by letter, numbers JSON writes its own way, nulls.
const awkward: ChainedFields = {
  caseId: '0b7e3f4e-9c1a-4d2b-8f6e-1a2b3c4d5e6f',
  seq: 7,
  schoolId: '5f0c1d2e-3b4a-4c5d-9e8f-7a6b5c4d3e2f',
  type: 'ADD_NOTE',
  fromState: 'planning.drafting',
  toState: 'planning.drafting',
  actorId: null,
  actorRole: 'system',
  payload: {
    text: 'Ghi chú "trích" \\ mới\n\u0001 😀',
    z: [3, 1.5, -0, 1e21, null, true],
    a: { é: 1, e: 2, éa: { y: null } },
  },
  requestId: null,
  at: new Date(Date.UTC(2026, 2, 2, 2, 3, 4, 567)),
  prevHash: 'ab'.repeat(32),
};

describe('audit chain', () => {
  // The hash is stored with every event: these digests were taken from the generic canonicalisation (commit 7feafb3)
  // and must never change, or every stored chain stops verifying.
  it('keeps the stored hash format', () => {
    expect(hashEvent(awkward)).toBe('dfd339909d7d2bbb76d64654f4fd1b1f903b5ba6ee99ff35c2ee96fd8fe10862');
    const sparse = { ...awkward, requestId: undefined, fromState: undefined } as unknown as ChainedFields;
    expect(hashEvent(sparse)).toBe('62c60cc266c5cec98530e2fe763fead2408e0d001e7bf71b75a78b2214c4edec');
  });

  it('writes the same bytes as canonicalising the whole record, whatever the fields hold', () => {
    const record = (f: ChainedFields) => canonicalize({ ...f, at: f.at.toISOString() });
    const variants: ChainedFields[] = [
      awkward,
      ...chain(3).map(({ hash: _hash, ...f }) => f),
      { ...awkward, actorId: 'u1', requestId: 'r-"1"', prevHash: null, fromState: null, toState: null },
      { ...awkward, type: 'Ä\u2028\u2029\ud800', payload: {} },
      { ...awkward, payload: null as unknown as Record<string, unknown> },
      { ...awkward, seq: 2 ** 31 - 1, at: new Date(-1) },
      { ...awkward, actorRole: undefined } as unknown as ChainedFields,
      { ...awkward, payload: undefined } as unknown as ChainedFields,
    ];
    for (const f of variants) expect(canonicalEvent(f)).toBe(record(f));
  });

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

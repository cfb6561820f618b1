import { ChainedFields, hashEvent } from '../../audit-hash';
import { COLUMNS, matchingHashes, packRows, StoredRow } from '../stored-events';

const event: ChainedFields = {
  caseId: '0b7e3f4e-9c1a-4d2b-8f6e-1a2b3c4d5e6f',
  seq: 2,
  schoolId: '5f0c1d2e-3b4a-4c5d-9e8f-7a6b5c4d3e2f',
  type: 'ADD_NOTE',
  fromState: 'assessment',
  toState: 'assessment',
  actorId: null,
  actorRole: '',
  payload: { text: 'Ghi chú\tmột', n: [1.5, null] },
  requestId: null,
  at: new Date(Date.UTC(2026, 2, 2, 2, 3, 4, 567)),
  prevHash: 'ab'.repeat(32),
};

// The row as PostgreSQL sends it in text: timestamptz in its own format, jsonb with its own spacing and key order.
const stored = (e: ChainedFields, hash = hashEvent(e)): StoredRow => [
  e.caseId,
  String(e.seq),
  e.schoolId,
  e.type,
  e.fromState,
  e.toState,
  e.actorId,
  e.actorRole,
  '{"n": [1.5, null], "text": "Ghi chú\\tmột"}',
  e.requestId,
  '2026-03-02 09:03:04.567+07',
  e.prevHash,
  hash,
];

describe('stored events checked against their hashes', () => {
  it('hashes the row from its text as the per-case check hashes the entity', () => {
    expect(COLUMNS).toBe(stored(event).length);
    expect(Array.from(matchingHashes(packRows([stored(event), stored(event)])))).toEqual([1, 1]);
  });

  it('tells a null from an empty text and any changed field', () => {
    const rows = [
      stored(event, hashEvent({ ...event, actorRole: null })),
      stored(event, hashEvent({ ...event, actorId: '' })),
      stored({ ...event, type: 'UPDATE_RISK' }, hashEvent(event)),
      stored(event, hashEvent({ ...event, at: new Date(event.at.getTime() + 1) })),
      stored(event),
    ];
    expect(Array.from(matchingHashes(packRows(rows)))).toEqual([0, 0, 0, 0, 1]);
  });
});

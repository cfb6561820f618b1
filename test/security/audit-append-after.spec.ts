import { DataSource } from 'typeorm';
import { AuditService, bySystem } from '@dh/audit';
import { inTransaction } from '@dh/database';
import { World } from '../support/fixtures';
import { move, openCase, verifyOf } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// A transition appends after the chain head it read with the case row's lock. Should something else append to the
// same case in that transaction first (a hook writing its own event), the head it read is stale: the event must
// still follow the newest one, and the chain stay whole.
describe('an event appended after a head read under the lock', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('follows an event appended in the same transaction since, and the chain verifies', async () => {
    let c = await openCase(t, w);
    c = await move(t, w.users.counsellorA, c, 'START_ASSESSMENT');
    const audit = t.app.get(AuditService);
    const at = t.clock.now();
    const seqs = await inTransaction(t.app.get(DataSource), async (tx) => {
      const [head]: { seq: number; hash: string; school_id: string }[] = await tx.query(
        `SELECT audit_head_seq AS seq, audit_head_hash AS hash, school_id FROM "case" WHERE id = $1 FOR UPDATE`,
        [c.id],
      );
      const hooked = await audit.appendCaseEvent(tx, c.id, bySystem('test', at), 'TEST_HOOK_EVENT', {});
      const after = await audit.appendAfter(
        tx,
        {
          caseId: c.id,
          schoolId: head.school_id,
          type: 'ADD_NOTE',
          fromState: 'assessment',
          toState: 'assessment',
          actorId: null,
          actorRole: 'system',
          payload: { text: 'sau sự kiện của hook' },
          requestId: 'test',
          at,
        },
        { seq: head.seq, hash: head.hash },
      );
      // As the transition does for its event: the case's version counts its stage events.
      await tx.query(`UPDATE "case" SET version = version + 1 WHERE id = $1`, [c.id]);
      return { read: head.seq, hooked: hooked.seq, after: after.seq };
    });
    expect(seqs).toEqual({ read: 2, hooked: 3, after: 4 });
    expect(await verifyOf(t, w.users.supervisorA, c.id)).toEqual({ valid: true, events: 4 });
    // The next transition reads the head the transaction left.
    c = { ...c, version: c.version + 1 };
    c = await move(t, w.users.counsellorA, c, 'ADD_NOTE', { text: 'tiếp theo' });
    expect(await verifyOf(t, w.users.supervisorA, c.id)).toEqual({ valid: true, events: 5 });
  });
});

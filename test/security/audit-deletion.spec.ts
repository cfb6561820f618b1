import { Client } from 'pg';
import { World } from '../support/fixtures';
import { historyOf, move, openCase, PAYLOADS, verifyOf } from '../support/case-helpers';
import { useCliAgainst } from '../support/cli';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// A database operator (a superuser) who switches the trigger off and deletes events: the chain alone heals over
// the newest event or an empty chain; the case row it belongs to does not.
describe('a deleted audit event is caught', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  const behindTheTrigger = async (sql: string, params: unknown[]) => {
    await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    try {
      await pg.query(sql, params);
    } finally {
      await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);
    }
  };
  const verdict = (caseId: string) => verifyOf(t, w.users.supervisorA, caseId);
  const checksOf = (v: Awaited<ReturnType<typeof verdict>>) => (v.findings ?? []).map((f) => f.check).sort();

  it('a deleted newest event (a read) stays a finding, even after the next read takes its sequence number', async () => {
    const tv = w.users.counsellorA;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    await historyOf(t, w.users.supervisorA, c.id); // seq 4: the supervisor's VIEWED, the event to hide
    expect(await verdict(c.id)).toEqual({ valid: true, events: 4 });

    await behindTheTrigger(`DELETE FROM audit_event WHERE case_id = $1 AND seq = 4`, [c.id]);
    const deleted = await verdict(c.id);
    expect(deleted).toMatchObject({ valid: false, events: 3, firstInvalidSeq: 4 });
    expect(checksOf(deleted)).toEqual(['case_head']);

    // The next read appends after the head the case row kept, not at the freed number: the gap stays.
    await historyOf(t, w.users.supervisorA, c.id);
    const healed = await verdict(c.id);
    expect(healed).toMatchObject({ valid: false, events: 4, firstInvalidSeq: 4 });
    expect(checksOf(healed)).toEqual(['sequence']);
    const seqs = (await pg.query(`SELECT seq FROM audit_event WHERE case_id = $1 ORDER BY seq`, [c.id])).rows.map(
      (r) => r.seq,
    );
    expect(seqs).toEqual([1, 2, 3, 5]);

    const cliVerdict = await cli(['verify', c.id]);
    expect(cliVerdict.code).toBe(1);
    expect(cliVerdict.err).toContain(c.id);
    expect(cliVerdict.err).toContain('sequence');
  });

  it('a deleted newest stage event leaves the case row ahead of its chain: state, version and head named', async () => {
    const tv = w.users.counsellorA;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'ADD_NOTE', { text: 'ghi chú' });
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    await behindTheTrigger(`DELETE FROM audit_event WHERE case_id = $1 AND seq = 4`, [c.id]);
    const v = await verdict(c.id);
    expect(v).toMatchObject({ valid: false, events: 3 });
    expect(checksOf(v)).toEqual(['case_head', 'case_state', 'case_version']);
    expect(v.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'case_state', expected: 'planning', found: 'assessment' }),
        expect.objectContaining({ check: 'case_version', expected: 4, found: 3 }),
      ]),
    );
  });

  it('a deleted event in the middle breaks the chain of states as well as the hashes', async () => {
    const tv = w.users.counsellorA;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    await behindTheTrigger(`DELETE FROM audit_event WHERE case_id = $1 AND seq = 2`, [c.id]);
    const v = await verdict(c.id);
    expect(v).toMatchObject({ valid: false, events: 2, firstInvalidSeq: 2 });
    expect(checksOf(v)).toEqual(['case_version', 'sequence', 'state_continuity']);
  });

  it('a case whose whole chain was deleted is a finding, over HTTP and in the CLI’s sweep of every chain', async () => {
    const c = await openCase(t, w);
    await behindTheTrigger(`DELETE FROM audit_event WHERE case_id = $1`, [c.id]);
    const v = await verdict(c.id);
    expect(v).toMatchObject({ valid: false, events: 0 });
    expect(checksOf(v)).toEqual(['case_head', 'case_version', 'chain_empty']);

    const all = await cli(['verify']);
    expect(all.code).toBe(1);
    expect(all.err).toMatch(new RegExp(`${c.id}.*chain_empty`));
  });
});

import { Client } from 'pg';
import { World } from '../support/fixtures';
import { move, openCase, PAYLOADS, verifyOf } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { useCliAgainst } from '../support/cli';

describe('the audit chain resists tampering', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table from the application’s connection', async () => {
    const c = await openCase(t, w);
    await expect(pg.query(`UPDATE audit_event SET type = 'X' WHERE case_id = $1`, [c.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(pg.query(`DELETE FROM audit_event WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await expect(pg.query(`TRUNCATE audit_event CASCADE`)).rejects.toThrow(/append-only/);
    expect(await verifyOf(t, w.users.supervisorA, c.id)).toEqual({ valid: true, events: 1 });
  });

  it('catches a payload changed behind the trigger’s back at that exact sequence number, and the CLI exits non-zero', async () => {
    const { counsellorA: tv } = w.users;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    c = await move(t, tv, c, 'ADD_NOTE', { text: 'Ghi chú gốc.' });
    expect((await cli(['verify', c.id])).code).toBe(0);

    // A superuser can switch the trigger off; the chain still tells.
    await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    await pg.query(
      `UPDATE audit_event SET payload = jsonb_set(payload, '{riskRationale}', '"đã sửa"') WHERE case_id = $1 AND seq = 3`,
      [c.id],
    );
    await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);

    expect(await verifyOf(t, w.users.supervisorA, c.id)).toEqual({
      valid: false,
      events: 4,
      firstInvalidSeq: 3,
      findings: [expect.objectContaining({ check: 'hash', seq: 3 })],
    });
    const broken = await cli(['verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(c.id);
    expect(broken.err).toContain('seq 3');
  });

  it('catches a deleted event and a reordered chain', async () => {
    const { counsellorA: tv } = w.users;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'ADD_NOTE', { text: 'một' });
    c = await move(t, tv, c, 'ADD_NOTE', { text: 'hai' });
    await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    await pg.query(`DELETE FROM audit_event WHERE case_id = $1 AND seq = 2`, [c.id]);
    await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);
    const verdict = await verifyOf(t, w.users.supervisorA, c.id);
    expect(verdict).toMatchObject({ valid: false, events: 3, firstInvalidSeq: 2 });
    // The gap, the state the next event starts from, and the case's version: each named.
    expect(verdict.findings?.map((f) => f.check)).toEqual(['sequence', 'state_continuity', 'case_version']);
  });
});

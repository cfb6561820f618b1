import { Client } from 'pg';
import { ChainVerdict } from '@dh/audit';
import { CaseChainVerifier } from '@dh/cases';
import { World } from '../support/fixtures';
import { move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// verifyAll splits the case ids into ranges, each read and checked in a worker thread on a connection of its own:
// whatever the split and the threads, what it finds must be what verify() finds one case at a time.
describe('the sweep of every chain, range by range', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const sweep = async (ranges: number, workers: number): Promise<ChainVerdict[]> => {
    const out: ChainVerdict[] = [];
    for await (const v of t.app.get(CaseChainVerifier).verifyAll({ ranges, workers })) out.push(v);
    return out;
  };
  const oneByOne = (ids: string[]) => Promise.all(ids.map((id) => t.app.get(CaseChainVerifier).verify(id)));

  it('verifies chains in ranges and threads and names a tampered event as verify() does', async () => {
    const tv = w.users.counsellorA;
    for (let i = 0; i < 4; i++) {
      let c = await openCase(t, w);
      c = await move(t, tv, c, 'START_ASSESSMENT');
      c = await move(t, tv, c, 'ADD_NOTE', { text: `một ${i}` });
      await move(t, tv, c, 'ADD_NOTE', { text: `hai ${i}` });
    }
    const ids = (await pg.query(`SELECT id FROM "case" ORDER BY id`)).rows.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(4);

    const intact = await sweep(4, 2);
    expect(intact.map((v) => [v.caseId, v.valid, v.events])).toEqual(ids.map((id) => [id, true, 4]));

    const victim = ids[2];
    await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    await pg.query(
      `UPDATE audit_event SET payload = jsonb_set(payload, '{text}', '"đã sửa"') WHERE case_id = $1 AND seq = 3`,
      [victim],
    );
    await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);

    const tampered = await sweep(4, 2);
    expect(tampered.filter((v) => !v.valid)).toEqual([
      expect.objectContaining({
        caseId: victim,
        events: 4,
        firstInvalidSeq: 3,
        findings: [expect.objectContaining({ check: 'hash', seq: 3 })],
      }),
    ]);
    expect(tampered).toEqual(await oneByOne(ids));
    // The same in one range, read and checked in this thread.
    expect(await sweep(1, 0)).toEqual(tampered);
  });

  it('a sweep left after its first verdict leaves its threads fit for the next, which sees later events', async () => {
    const ids = (await pg.query(`SELECT id FROM "case" ORDER BY id`)).rows.map((r: { id: string }) => r.id);
    for await (const v of t.app.get(CaseChainVerifier).verifyAll({ ranges: 4, workers: 2 })) {
      expect(v.caseId).toBe(ids[0]);
      break;
    }
    const c = await t.app.get(CaseChainVerifier).verify(ids[0]);
    await pg.query(`UPDATE "case" SET version = version + 1 WHERE id = $1`, [ids[0]]);
    const swept = await sweep(4, 2);
    expect(swept.find((v) => v.caseId === ids[0])?.findings.map((f) => f.check)).toEqual(['case_version']);
    await pg.query(`UPDATE "case" SET version = version - 1 WHERE id = $1`, [ids[0]]);
    expect((await sweep(4, 2)).find((v) => v.caseId === ids[0])).toEqual(c);
  });

  it('names a case without events and a gap left by a deleted event, across ranges', async () => {
    const ids = (await pg.query(`SELECT id FROM "case" ORDER BY id`)).rows.map((r: { id: string }) => r.id);
    const [emptied, gapped] = [ids[0], ids[ids.length - 1]];
    await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
    await pg.query(`DELETE FROM audit_event WHERE case_id = $1`, [emptied]);
    await pg.query(`DELETE FROM audit_event WHERE case_id = $1 AND seq = 2`, [gapped]);
    await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);

    const swept = await sweep(2, 2);
    expect(swept.map((v) => v.caseId)).toEqual(ids);
    expect(
      swept
        .find((v) => v.caseId === emptied)
        ?.findings.map((f) => f.check)
        .sort(),
    ).toEqual(['case_head', 'case_version', 'chain_empty']);
    expect(swept.find((v) => v.caseId === gapped)).toMatchObject({ valid: false, firstInvalidSeq: 2 });
    expect(swept).toEqual(await oneByOne(ids));
  });

  it('sweeps the chains of cases whose ids sit on the ranges’ bounds', async () => {
    const [source] = (await pg.query(`SELECT id FROM "case" ORDER BY id DESC LIMIT 1`)).rows as { id: string }[];
    // With four ranges, the last id of the first and the first of the second; the very first and last ids.
    const bounds = [
      '00000000-0000-0000-0000-000000000000',
      '3fffffff-ffff-ffff-ffff-ffffffffffff',
      '40000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    for (const id of bounds)
      await pg.query(
        `INSERT INTO "case" SELECT (jsonb_populate_record(NULL::"case",
                to_jsonb(c) || jsonb_build_object('id', $2::text, 'code', 'B-' || $2::text))).* FROM "case" c WHERE id = $1`,
        [source.id, id],
      );
    // Copies of a chain under other case ids: their hashes, taken over the first id, no longer hold.
    for (const id of bounds)
      await pg.query(
        `INSERT INTO audit_event SELECT (jsonb_populate_record(NULL::audit_event,
                to_jsonb(e) || jsonb_build_object('case_id', $2::text))).* FROM audit_event e WHERE case_id = $1`,
        [source.id, id],
      );
    const ids = (await pg.query(`SELECT id FROM "case" UNION SELECT case_id FROM audit_event ORDER BY 1`)).rows.map(
      (r: { id: string }) => r.id,
    );
    expect(ids).toEqual(expect.arrayContaining(bounds));
    const expected = await oneByOne(ids);
    for (const id of bounds) expect(expected.find((v) => v.caseId === id)).toMatchObject({ firstInvalidSeq: 1 });
    for (const [ranges, workers] of [
      [4, 2],
      [4, 0],
      [1, 1],
      [64, 3],
    ])
      expect(await sweep(ranges, workers)).toEqual(expected);
  });
});

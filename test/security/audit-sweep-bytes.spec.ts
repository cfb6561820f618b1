import canonicalize from 'canonicalize';
import { Client } from 'pg';
import { ChainedFields, ChainVerdict, hashEvent } from '@dh/audit';
import { CaseChainVerifier } from '@dh/cases';
import { canonicalPayload, canonicalPayloadBytes } from '../../libs/audit/src/chain-sweep/canonical-payload';
import { isoOfMicros } from '../../libs/audit/src/chain-sweep/copied-rows';
import { World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// The sweep hashes each event from PostgreSQL's text (jsonb's key order and spacing, timestamps in UTC) without
// parsing it as TypeORM does; these are the bytes where the two could part.
const PAYLOADS: unknown[] = [
  { text: 'Ghi chú: em đã ổn định hơn — “tốt”.' },
  { b: 1, a: 2, aa: [3, 1.5, -0.25, 0, 1e21, 1e-7, 123456789012345680000], ab: null },
  { đ: 1, z: 2, Đ: 3, é: 4, e: 5, '': 6, ' ': 7, '!': 8, 'a b': 9, a: 10, '😀': 11, '\uff5e': 12 },
  { nested: { y: [{ q: true, p: false }, [], {}], x: { 'ký tự': 'tab\there "quoted" back\\slash \u0001 \u001f' } } },
  { 'quote"key': 1, 'back\\key': 2, 'new\nline': 3 },
  { __proto__: 'proto', toJSON: 'not a function', constructor: 1 },
  { n: [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.1, 2 ** -1074, 1.7976931348623157e308, 5e-324] },
  [1, 'hai', { ba: 3 }],
  'chỉ một chuỗi',
  42,
  null,
  {},
];
// Text JavaScript never writes but jsonb takes: its numbers as PostgreSQL keeps them.
// Timestamps as stored: microseconds a Date does not keep, before 1970 and 2000, years pg's parser treats apart.
const STAMPS = [
  '2026-09-07 02:00:00+00',
  '2026-09-07 02:00:00.1+07',
  '2026-09-07 02:00:00.123456+00',
  '1969-12-31 23:59:59.9999+00',
  '1999-12-31 23:59:59.999999+00',
  '0050-01-01 00:00:00.5+00',
  '12026-01-01 00:00:00.0015+00',
  '0044-03-15 12:00:00.25+00 BC',
];
const WRITTEN = ['{"x": 1.50, "y": 1E+2, "z": -0, "w": 0.000001000, "v": 100000000000000000000000}', '[1.0, 2.500]'];

describe('the bytes the sweep hashes', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const sweep = async (workers: number): Promise<ChainVerdict[]> => {
    const out: ChainVerdict[] = [];
    for await (const v of t.app.get(CaseChainVerifier).verifyAll({ workers, ranges: 16 })) out.push(v);
    return out;
  };

  it('writes jsonb’s text of any payload as canonicalize() writes the parsed value', async () => {
    const texts = [...PAYLOADS.map((p) => JSON.stringify(p)), ...WRITTEN];
    const { rows } = await pg.query<{ t: string }>(`SELECT x::jsonb::text AS t FROM unnest($1::text[]) x`, [texts]);
    expect(rows).toHaveLength(texts.length);
    const out = Buffer.alloc(4096);
    let fromBytes = 0;
    for (const { t: text } of rows) {
      const expected = canonicalize(JSON.parse(text));
      expect(canonicalPayload(text)).toBe(expected);
      // From the bytes, where it does not hand over to the generic way (-1).
      const end = canonicalPayloadBytes(Buffer.from(`{}${text}`), 2, 2 + Buffer.byteLength(text), out, 1);
      if (end === -1) continue;
      fromBytes++;
      expect(out.toString('utf8', 1, end)).toBe(expected);
    }
    // All but the two with keys it leaves to the generic way (escapes; characters from U+E000 up).
    expect(fromBytes).toBe(rows.length - 2);
  });

  it('writes a timestamp as the Date pg parses from its text writes itself, in any zone', async () => {
    for (const zone of ['UTC', 'Asia/Ho_Chi_Minh', 'America/St_Johns']) {
      await pg.query(`SET TimeZone = '${zone}'`);
      const { rows } = await pg.query<{ d: Date; us: string }>(
        `SELECT x::timestamptz AS d,
                (extract(epoch FROM x::timestamptz) * 1000000 - 946684800000000)::bigint::text AS us
           FROM unnest($1::text[]) x`,
        [STAMPS],
      );
      for (const { d, us } of rows) expect([us, isoOfMicros(BigInt(us))]).toEqual([us, d.toISOString()]);
    }
    await pg.query(`RESET TimeZone`);
  });

  it('finds every planted event intact, and a changed field or payload member at its seq, as verify() does', async () => {
    const opened = await openCase(t, w);
    const [head] = (
      await pg.query(
        `SELECT audit_head_seq AS seq, audit_head_hash AS hash, school_id, state FROM "case" WHERE id = $1`,
        [opened.id],
      )
    ).rows as { seq: number; hash: string; school_id: string; state: string }[];
    // Events beside the stages (no version moved), one per payload, each linked to the one before.
    // The first events at the stamps above, each hashed with the Date pg parses from it, as verify() reads it.
    const stamped = (await pg.query<{ d: Date }>(`SELECT x::timestamptz AS d FROM unnest($1::text[]) x`, [STAMPS]))
      .rows;
    let prevHash = head.hash;
    const planted: (ChainedFields & { hash: string })[] = [];
    PAYLOADS.forEach((payload, i) => {
      const fields: ChainedFields = {
        caseId: opened.id,
        seq: head.seq + 1 + i,
        schoolId: head.school_id,
        type: i % 2 ? 'VIEWED' : 'GHI_CHÚ "đặc biệt"\t',
        fromState: head.state,
        toState: head.state,
        actorId: i % 3 ? w.users.counsellorA.id : null,
        actorRole: i % 4 ? 'counsellor' : null,
        payload: payload as Record<string, unknown>,
        requestId: i % 2 ? `req-${i}` : null,
        at: i < STAMPS.length ? stamped[i].d : new Date(Date.UTC(2026, 0, 1 + i, 3, 4, 5, i * 7)),
        prevHash,
      };
      prevHash = hashEvent(fields);
      planted.push({ ...fields, hash: prevHash });
    });
    for (const e of planted)
      await pg.query(
        `INSERT INTO audit_event (case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role, payload,
                                  request_id, at, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13)`,
        [
          e.caseId,
          e.seq,
          e.schoolId,
          e.type,
          e.fromState,
          e.toState,
          e.actorId,
          e.actorRole,
          JSON.stringify(e.payload),
          e.requestId,
          e.seq - head.seq - 1 < STAMPS.length ? STAMPS[e.seq - head.seq - 1] : e.at,
          e.prevHash,
          e.hash,
        ],
      );
    await pg.query(`UPDATE "case" SET audit_head_seq = $2, audit_head_hash = $3 WHERE id = $1`, [
      opened.id,
      head.seq + PAYLOADS.length,
      prevHash,
    ]);
    const verifier = t.app.get(CaseChainVerifier);
    expect(await verifier.verify(opened.id)).toMatchObject({ valid: true });
    for (const workers of [0, 2])
      expect((await sweep(workers)).find((v) => v.caseId === opened.id)).toMatchObject({
        valid: true,
        events: head.seq + PAYLOADS.length,
      });

    // Each tampering on its own, undone before the next.
    const seqOf = (i: number) => head.seq + 1 + i;
    const tamperings: [number, string][] = [
      [3, `payload = jsonb_set(payload, '{nested,x,ký tự}', '"tab\\there"')`],
      [1, `payload = jsonb_set(payload, '{aa,1}', '1.25')`],
      [2, `payload = payload - '😀'`],
      [5, `at = at + interval '1 millisecond'`],
      [2, `at = at + interval '1 millisecond'`],
      [6, `actor_role = NULL`],
      [7, `request_id = 'req-7 '`],
      [0, `type = 'GHI_CHÚ "đặc biệt"'`],
    ];
    for (const [i, change] of tamperings) {
      await pg.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`);
      const before = (
        await pg.query(
          `SELECT payload::text AS payload, at, actor_role, request_id, type FROM audit_event WHERE case_id = $1 AND seq = $2`,
          [opened.id, seqOf(i)],
        )
      ).rows[0] as Record<string, unknown>;
      await pg.query(`UPDATE audit_event SET ${change} WHERE case_id = $1 AND seq = $2`, [opened.id, seqOf(i)]);
      const expected = await verifier.verify(opened.id);
      expect(expected).toMatchObject({ valid: false, firstInvalidSeq: seqOf(i), findings: [{ check: 'hash' }] });
      for (const workers of [0, 2])
        expect((await sweep(workers)).find((v) => v.caseId === opened.id)).toEqual(expected);
      await pg.query(
        `UPDATE audit_event SET payload = $3::jsonb, at = $4, actor_role = $5, request_id = $6, type = $7
          WHERE case_id = $1 AND seq = $2`,
        [opened.id, seqOf(i), before.payload, before.at, before.actor_role, before.request_id, before.type],
      );
      await pg.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`);
    }
    expect(await verifier.verify(opened.id)).toMatchObject({ valid: true });
  });
});

import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { CASE_FACTS_COLUMNS, CaseChainEvent, CaseFacts, caseFactsOf, CaseFactsRow } from '../audit.service';
import { defaultHashWorkers, HashPool } from './hash-pool';
import { COL, EVENT_COLUMNS, parseSeq, StoredRow } from './stored-events';

// A case's whole chain as swept, each event with whether its stored hash held; facts null: no case row.
export type SweptEvent = CaseChainEvent & { matches: boolean };
export type SweptChain = { caseId: string; facts: CaseFacts | null; events: SweptEvent[] };
// `batch`: events per read; `workers`: hashing threads (0: hash in this thread).
export type SweepOptions = { batch?: number; workers?: number };

const BATCH = 10_000;
// Below every case id: the first read's key (sequence numbers start at 1).
const BEFORE_ALL: [string, number] = ['00000000-0000-0000-0000-000000000000', 0];
// Every column as the text PostgreSQL sent: the hashing threads parse what they need.
const AS_TEXT = { getTypeParser: () => (text: string) => text };

// Keyset, not OFFSET: each read starts after the last (case_id, seq) it saw, on the primary key's index.
const EVENTS_SQL = `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE (case_id, seq) > ($1::uuid, $2::int)
                    ORDER BY case_id, seq LIMIT $3`;

type CaseRow = CaseFactsRow & { id: string };
// Read `rows`, then `cases`: the case rows from after the previous read's last case up to this one's last (to the
// end once the events run out), events or none. `matches`: the hashing of `rows`, under way.
type Step = { rows: StoredRow[]; upTo: string | null; matches: Promise<Uint8Array>; cases: Promise<CaseRow[]> };

const ignore = (): void => undefined;

const readCases = async (client: PoolClient, after: string | null, upTo: string | null): Promise<CaseRow[]> => {
  const bounds = [after === null ? null : 'id > $1', upTo === null ? null : `id <= $${after === null ? 1 : 2}`];
  const where = bounds.filter((b) => b !== null);
  const sql = `SELECT id, ${CASE_FACTS_COLUMNS} FROM "case" ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  return (
    await client.query<CaseRow>(
      sql,
      [after, upTo].filter((v) => v !== null),
    )
  ).rows;
};

// Every case chain, in case id order (uuid order, the same as the lowercase text's), each with its case row's facts,
// cases without events included. audit_event is read in batches in (case_id, seq) order, one connection, one
// read-only snapshot (so each chain and its case row are seen at the same moment); while one batch is hashed in
// the worker threads the next is already being read, and a chain is handed on once its last event has been seen:
// one cut by a batch's end waits for the next.
export async function* sweepCaseChains(source: DataSource, options: SweepOptions = {}): AsyncGenerator<SweptChain> {
  const batch = options.batch ?? BATCH;
  const runner = source.createQueryRunner();
  const pool = new HashPool(options.workers ?? defaultHashWorkers());
  let ahead: Promise<Step> | null = null;
  let open = false;
  try {
    // Through the runner, which takes another pooled connection should this one have gone stale; then on the
    // driver's own client, whose array rows and text values TypeORM does not offer.
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    const client = (await runner.connect()) as PoolClient;
    const begin = async (after: [string, number], casesAfter: string | null): Promise<Step> => {
      const { rows } = await client.query<StoredRow>({
        text: EVENTS_SQL,
        values: [...after, batch],
        rowMode: 'array',
        types: AS_TEXT,
      });
      const upTo = rows.length < batch ? null : (rows[rows.length - 1][COL.caseId] as string);
      const step = { rows, upTo, matches: pool.check(rows), cases: readCases(client, casesAfter, upTo) };
      // Awaited below; a failure before then must not count as unhandled.
      step.matches.catch(ignore);
      step.cases.catch(ignore);
      return step;
    };
    let step = await begin(BEFORE_ALL, null);
    let cut: SweptChain | null = null;
    for (;;) {
      if (step.upTo !== null) {
        const last = step.rows[step.rows.length - 1];
        ahead = begin([last[COL.caseId] as string, parseSeq(last[COL.seq] as string)], step.upTo);
        ahead.catch(ignore);
      }
      const [matches, cases] = await Promise.all([step.matches, step.cases]);
      const chains = assemble(step.rows, matches, cases, cut);
      cut = step.upTo === null ? null : (chains.pop() as SweptChain);
      yield* chains;
      if (!ahead) break;
      step = await ahead;
      ahead = null;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    // Stopped early: the reads under way finish before the connection goes back to the pool.
    const pending = await ahead?.catch(ignore);
    if (pending) await Promise.allSettled([pending.matches, pending.cases]);
    if (open) await runner.query('ROLLBACK').catch(ignore);
    await runner.release();
    await pool.close();
  }
}

// The chains a step completes, in case id order: the one cut before it first, then each case row and each run of
// events by case. The last is the chain of the step's last event (cut there, when more follows).
const assemble = (rows: StoredRow[], matches: Uint8Array, cases: CaseRow[], cut: SweptChain | null): SweptChain[] => {
  const chains = new Map<string, SweptChain>();
  if (cut) chains.set(cut.caseId, cut);
  for (const c of cases) chains.set(c.id, { caseId: c.id, facts: caseFactsOf(c), events: [] });
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const caseId = r[COL.caseId] as string;
    let chain = chains.get(caseId);
    if (!chain) chains.set(caseId, (chain = { caseId, facts: null, events: [] }));
    chain.events.push({
      seq: parseSeq(r[COL.seq] as string),
      prevHash: r[COL.prevHash],
      hash: r[COL.hash] as string,
      type: r[COL.type] as string,
      fromState: r[COL.fromState],
      toState: r[COL.toState],
      matches: matches[i] === 1,
    });
  }
  return [...chains.values()].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
};

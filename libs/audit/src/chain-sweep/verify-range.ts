import { createHash, hash } from 'node:crypto';
import { ClientBase, Query, QueryArrayConfig } from 'pg';
import { CASE_FACTS_COLUMNS, CaseChainEvent, caseFactsOf, CaseFactsRow, checkCaseChain } from '../case-chain-checks';
import { ChainVerdict } from '../chain-checks';
import { canonicalRow, COL, EVENT_COLUMNS, StoredRow } from './stored-row';

// A slice of the case id space, both ends included.
export type KeyRange = { from: string; to: string };

// The statements that make a transaction read as the sweep expects: timestamps in UTC (what isoAt takes without
// parsing) in ISO style (what pg parses), whatever the connection's settings.
export const SWEEP_SETTINGS = [`SET LOCAL TimeZone = 'UTC'`, `SET LOCAL DateStyle = 'ISO'`];

// `count` ranges of equal width over the whole uuid space (count a power of two, at most 2^32): case ids are
// random (gen_random_uuid), so each holds about as many cases as the next.
export const keyRanges = (count: number): KeyRange[] => {
  const width = 2 ** 32 / count;
  const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
  return Array.from({ length: count }, (_, i) => ({
    from: `${hex8(i * width)}-0000-0000-0000-000000000000`,
    to: `${hex8((i + 1) * width - 1)}-ffff-ffff-ffff-ffffffffffff`,
  }));
};

// crypto.hash, one call and no Hash object, where this Node has it (20.12 on).
const sha256 = (text: string): string =>
  typeof hash === 'function' ? hash('sha256', text, 'hex') : createHash('sha256').update(text, 'utf8').digest('hex');

type CaseRow = CaseFactsRow & { id: string };
type SweptEvent = CaseChainEvent & { matches: boolean };

// Every column as the text PostgreSQL sent: the row is hashed from it as it stands.
const AS_TEXT = { getTypeParser: () => (text: string) => text };
const EVENTS_SQL = `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE case_id BETWEEN $1 AND $2 ORDER BY case_id, seq`;
const CASES_SQL = `SELECT id, ${CASE_FACTS_COLUMNS} FROM "case" WHERE id BETWEEN $1 AND $2 ORDER BY id`;

// The verdict of every case and every chain in the range, in case id order (uuid order, the same as the lowercase
// text's), as CaseChainVerifier.verify gives them one by one, on a connection in a transaction with
// SWEEP_SETTINGS. The events stream in (case_id, seq) order and each is hashed as it arrives, while PostgreSQL
// writes the next: a chain is checked when the first event of the next one, or the end, is read.
export const verifyRange = async (
  client: ClientBase,
  range: KeyRange,
  versioned: ReadonlySet<string>,
): Promise<ChainVerdict[]> => {
  const cases = (await client.query<CaseRow>(CASES_SQL, [range.from, range.to])).rows;
  const isVersioned = (type: string): boolean => versioned.has(type);
  const matched = (e: SweptEvent): boolean => e.matches;
  const out: ChainVerdict[] = [];
  let next = 0; // the first case row not yet judged
  const close = (caseId: string, events: SweptEvent[]): void => {
    while (next < cases.length && cases[next].id < caseId) {
      out.push(checkCaseChain(cases[next].id, [], caseFactsOf(cases[next]), isVersioned, matched));
      next++;
    }
    const facts = next < cases.length && cases[next].id === caseId ? caseFactsOf(cases[next++]) : null;
    out.push(checkCaseChain(caseId, events, facts, isVersioned, matched));
  };

  let caseId: string | null = null;
  let events: SweptEvent[] = [];
  let failure: unknown = null;
  const onRow = (r: StoredRow): void => {
    if (failure !== null) return;
    try {
      const id = r[COL.caseId] as string;
      if (id !== caseId) {
        if (caseId !== null) close(caseId, events);
        caseId = id;
        events = [];
      }
      const stored = r[COL.hash] as string;
      events.push({
        seq: parseInt(r[COL.seq] as string, 10),
        prevHash: r[COL.prevHash],
        hash: stored,
        type: r[COL.type] as string,
        fromState: r[COL.fromState],
        toState: r[COL.toState],
        matches: sha256(canonicalRow(r)) === stored,
      });
    } catch (e) {
      // Thrown here it would escape through pg's socket handler: kept for the end of the read.
      failure = e;
    }
  };
  await new Promise<void>((resolve, reject) => {
    const config: QueryArrayConfig = {
      text: EVENTS_SQL,
      values: [range.from, range.to],
      rowMode: 'array',
      types: AS_TEXT,
    };
    const query = new Query<StoredRow>(config);
    query.on('row', onRow);
    query.on('error', reject);
    query.on('end', () => resolve());
    client.query(query);
  });
  if (failure !== null) throw failure instanceof Error ? failure : new Error(`chain sweep: ${JSON.stringify(failure)}`);
  if (caseId !== null) close(caseId, events);
  for (; next < cases.length; next++)
    out.push(checkCaseChain(cases[next].id, [], caseFactsOf(cases[next]), isVersioned, matched));
  return out;
};

import type { ClientBase, Submittable } from 'pg';
import { CASE_FACTS_COLUMNS, caseFactsOf, CaseFactsRow, checkCaseChain } from '../case-chain-checks';
import { ChainVerdict } from '../chain-checks';
import { CopiedEvent, CopiedRows, COPY_COLUMNS } from './copied-rows';

// A slice of the case id space, both ends included.
export type KeyRange = { from: string; to: string };

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

type CaseRow = CaseFactsRow & { id: string };

const CASES_SQL = `SELECT id, ${CASE_FACTS_COLUMNS} FROM "case" WHERE id BETWEEN $1 AND $2 ORDER BY id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// COPY takes no parameters: the bounds are written in, checked to be uuids.
const copySql = ({ from, to }: KeyRange): string => {
  if (!UUID.test(from) || !UUID.test(to)) throw new Error(`not a key range: ${from}..${to}`);
  return `COPY (SELECT ${COPY_COLUMNS} FROM audit_event WHERE case_id BETWEEN '${from}' AND '${to}'
                ORDER BY case_id, seq) TO STDOUT (FORMAT binary)`;
};

// What pg's client hands a submitted query: COPY's rows, each as it arrives, then the end or the error.
type Connection = { query: (text: string) => void };
const copyOut = (client: ClientBase, sql: string, onData: (chunk: Buffer) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    let failure = null as Error | null;
    const fail = (e: unknown): void => {
      failure ??= e instanceof Error ? e : new Error(`audit_event COPY: ${JSON.stringify(e)}`);
    };
    const ignore = (): void => undefined;
    const submittable = {
      submit: (connection: Connection) => connection.query(sql),
      handleCopyData: (msg: { chunk: Buffer }) => {
        if (failure !== null) return;
        // Thrown here it would escape through pg's socket handler: kept for the end of the read.
        try {
          onData(msg.chunk);
        } catch (e) {
          fail(e);
        }
      },
      handleError: fail,
      handleReadyForQuery: () => (failure === null ? resolve() : reject(failure)),
      handleCommandComplete: ignore,
      handleRowDescription: ignore,
      handleDataRow: ignore,
      handleEmptyQuery: ignore,
      handlePortalSuspended: ignore,
      handleCopyInResponse: ignore,
    };
    client.query(submittable as unknown as Submittable);
  });

// The verdict of every case and every chain in the range, in case id order (uuid order, the same as the lowercase
// text's), as CaseChainVerifier.verify gives them one by one, on a connection in a transaction. The events stream
// in (case_id, seq) order by COPY in binary and each is hashed as it arrives, while PostgreSQL writes the next: a
// chain is checked when the first event of the next one, or the end, is read.
export const verifyRange = async (
  client: ClientBase,
  range: KeyRange,
  versioned: ReadonlySet<string>,
): Promise<ChainVerdict[]> => {
  const cases = (await client.query<CaseRow>(CASES_SQL, [range.from, range.to])).rows;
  const isVersioned = (type: string): boolean => versioned.has(type);
  const matched = (e: CopiedEvent): boolean => e.matches;
  const out: ChainVerdict[] = [];
  let next = 0; // the first case row not yet judged
  const close = (caseId: string, events: CopiedEvent[]): void => {
    while (next < cases.length && cases[next].id < caseId) {
      out.push(checkCaseChain(cases[next].id, [], caseFactsOf(cases[next]), isVersioned, matched));
      next++;
    }
    const facts = next < cases.length && cases[next].id === caseId ? caseFactsOf(cases[next++]) : null;
    out.push(checkCaseChain(caseId, events, facts, isVersioned, matched));
  };

  let caseId: string | null = null;
  let events: CopiedEvent[] = [];
  const rows = new CopiedRows((id, event) => {
    if (id !== caseId) {
      if (caseId !== null) close(caseId, events);
      caseId = id;
      events = [];
    }
    events.push(event);
  });
  await copyOut(client, copySql(range), (chunk) => rows.read(chunk));
  if (caseId !== null) close(caseId, events);
  for (; next < cases.length; next++)
    out.push(checkCaseChain(cases[next].id, [], caseFactsOf(cases[next]), isVersioned, matched));
  return out;
};

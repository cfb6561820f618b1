import { ChainFinding, ChainHead, ChainVerdict, finding, headFinding, verdictOf, walkLinks } from './chain-checks';

// The checks of a case chain against its case row, apart from AuditService (no TypeORM, no Nest) so the sweep's
// worker threads load only what they run.

// What verification holds a chain against: its case row (null: no such case), and which event types move
// the case's version (the case engine's to say).
export type CaseFacts = { state: string; version: number; head: ChainHead | null };

// The case row's columns that verification reads, and the facts they make.
export const CASE_FACTS_COLUMNS = `state, version, audit_head_seq, audit_head_hash`;
export type CaseFactsRow = { state: string; version: number; audit_head_seq: number; audit_head_hash: string | null };
export const caseFactsOf = (row: CaseFactsRow): CaseFacts => ({
  state: row.state,
  version: row.version,
  head: row.audit_head_hash === null ? null : { seq: row.audit_head_seq, hash: row.audit_head_hash },
});

// What the checks read of each event: its links and its stages.
export type CaseChainEvent = {
  seq: number;
  prevHash: string | null;
  hash: string;
  type: string;
  fromState: string | null;
  toState: string | null;
};

// The same verdict where each event's hash was checked elsewhere: `matches(e, i)` says whether the i-th one held.
export const checkCaseChain = <E extends CaseChainEvent>(
  caseId: string,
  events: E[],
  facts: CaseFacts | null,
  versioned: (type: string) => boolean,
  matches: (e: E, i: number) => boolean,
): ChainVerdict => {
  if (!facts) return { caseId, ...verdictOf(events.length, [finding('case_missing')]) };
  return {
    caseId,
    ...verdictOf(events.length, [...walkLinks(events, matches), ...caseFindings(events, facts, versioned)]),
  };
};

// The chain against its case row: not empty, each event starting where the one before it ended, the last stage
// at the case's state, as many stage events as the case's version, the kept head at the last event.
const caseFindings = (
  events: CaseChainEvent[],
  facts: CaseFacts,
  versioned: (type: string) => boolean,
): ChainFinding[] => {
  const findings: ChainFinding[] = [];
  if (events.length === 0) findings.push(finding('chain_empty'));
  // Every event starts where the one before it ended (events beside the stages start and end in the same state).
  const broken = events.findIndex((e, i) => i > 0 && e.fromState !== events[i - 1].toState);
  if (broken > 0) {
    const [before, e] = [events[broken - 1], events[broken]];
    findings.push(finding('state_continuity', { seq: e.seq, expected: before.toState, found: e.fromState }));
  }
  let stages = 0;
  let lastStage: CaseChainEvent | undefined;
  for (const e of events)
    if (versioned(e.type)) {
      stages += 1;
      lastStage = e;
    }
  if (lastStage && lastStage.toState !== facts.state)
    findings.push(finding('case_state', { expected: facts.state, found: lastStage.toState }));
  if (stages !== facts.version) findings.push(finding('case_version', { expected: facts.version, found: stages }));
  const last = events[events.length - 1];
  findings.push(...headFinding(facts.head, last ? { seq: last.seq, hash: last.hash } : null));
  return findings;
};

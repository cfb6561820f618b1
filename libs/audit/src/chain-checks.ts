// What verification can find wrong with a chain, each named. The first three walk the chain alone; the
// rest hold it against the case row it belongs to, which an operator who deletes events must also fix;
// `checkpoint` holds it against a signed head kept outside the database.
export type ChainCheck =
  | 'sequence'
  | 'link'
  | 'hash'
  | 'case_missing'
  | 'chain_empty'
  | 'state_continuity'
  | 'case_state'
  | 'case_version'
  | 'case_head'
  | 'checkpoint';

export type ChainFinding = {
  check: ChainCheck;
  seq?: number;
  expected?: unknown;
  found?: unknown;
  message: string;
  messageEn: string;
};

export type Verdict = { valid: boolean; events: number; firstInvalidSeq?: number; findings: ChainFinding[] };
export type ChainVerdict = { caseId: string } & Verdict;

export type ChainHead = { seq: number; hash: string };

const TEXT: Record<ChainCheck, [string, string]> = {
  sequence: ['Thiếu sự kiện hoặc sai thứ tự', 'an event is missing or out of order'],
  link: ['Liên kết với sự kiện trước bị đứt', 'the link to the previous event is broken'],
  hash: ['Nội dung sự kiện không khớp mã băm', 'the event does not match its hash'],
  case_missing: ['Không có hồ sơ này', 'no such case'],
  chain_empty: ['Hồ sơ không còn sự kiện nào', 'the case has no events'],
  state_continuity: [
    'Sự kiện không bắt đầu từ trạng thái sự kiện trước để lại',
    'the event does not start where the previous one ended',
  ],
  case_state: ['Trạng thái hồ sơ khác trạng thái cuối của chuỗi', 'the case’s state is not where its chain ends'],
  case_version: [
    'Phiên bản hồ sơ khác số sự kiện chuyển bước',
    'the case’s version does not match its count of stage events',
  ],
  case_head: ['Đầu chuỗi ghi trên hồ sơ khác chuỗi', 'the head kept on the case row does not match the chain'],
  checkpoint: [
    'Chuỗi không còn nối tiếp đầu chuỗi đã ký tại điểm kiểm',
    'the chain no longer extends the head signed at the checkpoint',
  ],
};

export const finding = (
  check: ChainCheck,
  at: Omit<ChainFinding, 'check' | 'message' | 'messageEn'> = {},
): ChainFinding => ({
  check,
  ...at,
  message: TEXT[check][0],
  messageEn: TEXT[check][1],
});

export const verdictOf = (events: number, findings: ChainFinding[]): Verdict => {
  const seqs = findings.flatMap((f) => (f.seq === undefined ? [] : [f.seq]));
  return {
    valid: findings.length === 0,
    events,
    ...(seqs.length ? { firstInvalidSeq: Math.min(...seqs) } : {}),
    findings,
  };
};

type Linked = { seq: number; prevHash: string | null; hash: string };

// The one verification of every chain, the cases' and the admin's: the walk, then what the chain's owner holds it
// against (a case chain its case row); the verdict names the first event any finding names.
export const verifyChain = <E extends Linked>(
  events: E[],
  hashOf: (e: E) => string,
  against: ChainFinding[] = [],
): Verdict => verdictOf(events.length, [...walkChain(events, hashOf), ...against]);

// Numbers 1..n, each event naming its predecessor's hash and matching its own: the first event that does not
// is the one finding (everything after it hangs on it).
export const walkChain = <E extends Linked>(events: E[], hashOf: (e: E) => string): ChainFinding[] =>
  walkLinks(events, (e) => e.hash === hashOf(e));

// The same walk where whether the i-th event matches its hash was settled elsewhere (hashed in a worker thread).
export const walkLinks = <E extends Linked>(events: E[], matches: (e: E, i: number) => boolean): ChainFinding[] => {
  let prevHash: string | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const expectedSeq = i + 1;
    const seq = Math.min(e.seq, expectedSeq);
    if (e.seq !== expectedSeq) return [finding('sequence', { seq, expected: expectedSeq, found: e.seq })];
    if (e.prevHash !== prevHash) return [finding('link', { seq })];
    if (!matches(e, i)) return [finding('hash', { seq })];
    prevHash = e.hash;
  }
  return [];
};

// The head a row keeps against the chain's last event: where they part, the first event one of them lacks.
export const headFinding = (kept: ChainHead | null, last: ChainHead | null): ChainFinding[] => {
  if (kept?.seq === last?.seq && kept?.hash === last?.hash) return [];
  const keptSeq = kept?.seq ?? 0;
  const lastSeq = last?.seq ?? 0;
  return [
    finding('case_head', {
      seq: keptSeq === lastSeq ? keptSeq : Math.min(keptSeq, lastSeq) + 1,
      expected: kept,
      found: last,
    }),
  ];
};

// The head signed at a checkpoint against the chain as it stands: the event at that number must still carry
// that hash (the walk then vouches for every event after it).
export const checkpointFinding = (
  signed: ChainHead,
  atThatSeq: { hash: string } | null,
  checkpoint: number,
): ChainFinding[] =>
  atThatSeq?.hash === signed.hash
    ? []
    : [
        finding('checkpoint', {
          seq: signed.seq,
          expected: { checkpoint, ...signed },
          found: atThatSeq ? { seq: signed.seq, hash: atThatSeq.hash } : null,
        }),
      ];

export const describeFinding = (f: ChainFinding): string =>
  `${f.check}${f.seq === undefined ? '' : ` at seq ${f.seq}`}: ${f.message} / ${f.messageEn}` +
  (f.expected === undefined
    ? ''
    : ` (expected ${JSON.stringify(f.expected)}, found ${JSON.stringify(f.found ?? null)})`);

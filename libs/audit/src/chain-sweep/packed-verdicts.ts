import { ChainVerdict } from '../chain-checks';

// A range's verdicts as they cross from a sweep thread: those of intact chains (nearly all) as their case ids in one
// string and their event counts in one array, the others whole at their places. Copying thousands of small objects
// between threads cost the sweep's own thread more than the rest of its work.
export type PackedVerdicts = { ids: string; events: Int32Array; broken: [number, ChainVerdict][] };

const UUID_LENGTH = 36;

export const packVerdicts = (verdicts: ChainVerdict[]): PackedVerdicts => {
  const events = new Int32Array(verdicts.length);
  const broken: [number, ChainVerdict][] = [];
  let ids = '';
  verdicts.forEach((v, i) => {
    events[i] = v.events;
    const intact = isIntact(v) && v.caseId.length === UUID_LENGTH;
    if (!intact) broken.push([i, v]);
    ids += intact ? v.caseId : ' '.repeat(UUID_LENGTH);
  });
  return { ids, events, broken };
};

export const unpackVerdicts = ({ ids, events, broken }: PackedVerdicts): ChainVerdict[] => {
  const out: ChainVerdict[] = new Array(events.length);
  for (let i = 0; i < events.length; i++)
    out[i] = {
      caseId: ids.slice(i * UUID_LENGTH, (i + 1) * UUID_LENGTH),
      valid: true,
      events: events[i],
      findings: [],
    };
  for (const [i, v] of broken) out[i] = v;
  return out;
};

// Only a verdict that unpacks to itself is packed as intact.
const isIntact = (v: ChainVerdict): boolean =>
  v.valid && v.findings.length === 0 && v.firstInvalidSeq === undefined && Object.keys(v).length === 4;

import { ChainVerdict, finding, verdictOf } from '../chain-checks';
import { packVerdicts, unpackVerdicts } from '../chain-sweep/packed-verdicts';

const id = (n: number): string => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

describe('verdicts packed to cross from a sweep thread', () => {
  it('unpack to the same verdicts in the same order, broken ones whole', () => {
    const verdicts: ChainVerdict[] = [
      { caseId: id(1), ...verdictOf(10, []) },
      { caseId: id(2), ...verdictOf(3, [finding('hash', { seq: 2 })]) },
      { caseId: id(3), ...verdictOf(0, [finding('case_missing')]) },
      { caseId: id(4), ...verdictOf(1, []) },
      { caseId: 'not-a-uuid', ...verdictOf(2, []) },
    ];
    const packed = packVerdicts(verdicts);
    expect(packed.broken.map(([i]) => i)).toEqual([1, 2, 4]);
    expect(unpackVerdicts(structuredClone(packed))).toEqual(verdicts);
  });

  it('unpack an empty range to nothing', () => {
    expect(unpackVerdicts(packVerdicts([]))).toEqual([]);
  });
});

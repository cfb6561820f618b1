import type { components } from '../../api/openapiTypes';
import { groupByStage, STAGE_ORDER } from '../myWork';

type CaseView = components['schemas']['CaseViewDto'];

const aCase = (code: string, state: string, dueAt?: string): CaseView =>
  ({
    id: code,
    code,
    state,
    deadlines: dueAt ? [{ id: `${code}-d`, dueAt, paused: false, remainingWorkingMs: 1 }] : [],
  }) as unknown as CaseView;

describe('a counsellor’s work by stage', () => {
  it('follows the road of a case, the nearest deadline first in each stage, and leaves archived cases out', () => {
    const groups = groupByStage(
      [
        aCase('A', 'monitoring', '2026-03-20T10:00:00Z'),
        aCase('B', 'intake', '2026-03-03T10:00:00Z'),
        aCase('C', 'referral.pending', '2026-03-05T10:00:00Z'),
        aCase('D', 'monitoring', '2026-03-10T10:00:00Z'),
        aCase('E', 'closed.archived'),
        aCase('F', 'monitoring'),
        aCase('G', 'referral.inService', '2026-03-04T10:00:00Z'),
      ],
      STAGE_ORDER,
    );
    expect(groups.map((g) => [g.state, g.cases.map((c) => c.code)])).toEqual([
      ['intake', ['B']],
      ['monitoring', ['D', 'A', 'F']],
      ['referral.pending', ['C']],
      ['referral.inService', ['G']],
    ]);
  });
});

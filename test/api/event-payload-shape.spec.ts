import { auth, World } from '../support/fixtures';
import { openCase, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Issue 14 point 3: an event's payload has one shape, checked by its class (libs/cases event-payloads) before the
// machine sees it; the machine's rules judge only what depends on the case. What the machine's own field checks
// refused before is refused here, naming the field as the client wrote it.
describe('an event payload of the wrong shape', () => {
  let t: TestApp;
  let w: World;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const plan = { goals: ['Em ổn định cảm xúc.'], responsible: 'Cô Lan', reviewDate: '2026-04-15' };
  const TABLE: [string, Record<string, unknown>, string[]][] = [
    [
      'COMPLETE_ASSESSMENT',
      { riskLevel: 'extreme', difficulties: '   ', needs: 'x' },
      ['payload.difficulties', 'payload.riskLevel', 'payload.riskRationale'],
    ],
    ['SUBMIT_PLAN', { goals: [], responsible: 'x', reviewDate: '2026-02-30' }, ['payload.goals', 'payload.reviewDate']],
    [
      'SUBMIT_PLAN',
      { goals: ['  '], responsible: 'x', reviewDate: '15/04/2026' },
      ['payload.goals', 'payload.reviewDate'],
    ],
    ['REVISE_PLAN', plan, ['payload.reason']],
    ['PROPOSE_CLOSURE', {}, ['payload.outcome']],
    ['CLOSE', { outcome: ' ' }, ['payload.outcome']],
    ['RETURN_PLAN', {}, ['payload.reason']],
    ['APPROVE_PLAN', { comment: 5 }, ['payload.comment']],
    ['ASSIGN', { assigneeId: '' }, ['payload.assigneeId']],
    ['UPDATE_RISK', { riskLevel: 'low' }, ['payload.riskRationale']],
    ['ADD_NOTE', { text: '' }, ['payload.text']],
    ['RAISE_PROTECTION_CONCERN', { kind: 'bullying' }, ['payload.carerSuspected', 'payload.facts', 'payload.kind']],
    [
      'RECORD_PROTECTION_NOTIFICATION',
      { recipient: 'hang_xom', notifiedAt: '2026-03-03', notifiedBy: ' ' },
      ['payload.notifiedAt', 'payload.notifiedBy', 'payload.recipient'],
    ],
  ];

  it('is refused with 400, naming each field, and the case does not move', async () => {
    const c = await openCase(t, w);
    const wrong: string[] = [];
    for (const [type, payload, fields] of TABLE) {
      const res = await sendEvent(t, w.users.supervisorA, c, type, payload);
      const named = Array.isArray(res.body.details)
        ? [...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()
        : [];
      if (res.status !== 400 || JSON.stringify(named) !== JSON.stringify(fields))
        wrong.push(`${type} ${JSON.stringify(payload)}: ${res.status} ${JSON.stringify(named)}`);
    }
    expect(wrong).toEqual([]);
    expect((await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.supervisorA)).expect(200)).body).toMatchObject({
      state: 'intake',
      version: c.version,
    });
  });
});

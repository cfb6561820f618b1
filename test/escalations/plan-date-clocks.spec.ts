import { auth, World } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS, prepareReferral } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type DeadlineBody = { kind: string; dueAt: string; rule: string };

// DOMAIN.md: the plan is reviewed on the plan's review date and the receiver reports back by the plan's end
// date; the 30-day default stands in only where the plan gives no usable date. A date is due at the close
// (17:00) of that day, or of the next working day when it is a day off.
describe('the plan-review and referral-feedback clocks follow the plan’s dates', () => {
  let t: TestApp;
  let w: World;
  const at = (iso: string) => t.clock.set(iso);

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const clock = async (c: { id: string }, kind: string): Promise<DeadlineBody | undefined> => {
    const got = await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.counsellorA)).expect(200);
    return (got.body.deadlines as DeadlineBody[]).find((d) => d.kind === kind);
  };
  const inMonitoring = async (plan: Record<string, unknown>): Promise<CaseBody> => {
    const tv = w.users.counsellorA;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('low'));
    return move(t, tv, c, 'SUBMIT_PLAN', { ...PAYLOADS.plan, ...plan });
  };

  it('due at 17:00 of the review date, and says the plan set it', async () => {
    at('2026-03-02T09:00:00+07:00'); // Monday
    const c = await inMonitoring({ reviewDate: '2026-03-12' }); // Thursday, 10 days ahead
    expect(await clock(c, 'plan_review')).toMatchObject({
      dueAt: '2026-03-12T10:00:00.000Z',
      rule: 'plan_review_date',
    });
  });

  it('a review date on a Saturday is due at 17:00 of the next working day', async () => {
    at('2026-03-02T09:00:00+07:00');
    const c = await inMonitoring({ reviewDate: '2026-03-14' }); // Saturday
    expect(await clock(c, 'plan_review')).toMatchObject({
      dueAt: '2026-03-16T10:00:00.000Z',
      rule: 'plan_review_date',
    });
  });

  it('a review date already past gives the 30-day default, and says so', async () => {
    at('2026-03-02T09:00:00+07:00');
    const c = await inMonitoring({ reviewDate: '2026-02-20' });
    expect(await clock(c, 'plan_review')).toMatchObject({ dueAt: '2026-04-01T02:00:00.000Z', rule: 'default' });
  });

  it('the referral feedback is due at the close of the plan’s end date, or 30 days without one', async () => {
    const tv = w.users.counsellorA;
    for (const [endDate, dueAt, rule] of [
      ['2026-04-24', '2026-04-24T10:00:00.000Z', 'plan_end_date'], // Friday
      ['2026-04-30', '2026-05-04T10:00:00.000Z', 'plan_end_date'], // Reunification Day, then Labour Day and a weekend
      [undefined, '2026-04-01T02:00:00.000Z', 'default'],
    ] as const) {
      at('2026-03-02T09:00:00+07:00');
      let c = await inMonitoring({ reviewDate: '2026-03-12', ...(endDate ? { endDate } : {}) });
      const { payload } = await prepareReferral(t, w, c, { by: tv });
      c = await move(t, tv, c, 'REFER', payload);
      c = await move(t, tv, c, 'REFERRAL_ACCEPTED', {
        receiverContact: 'BS. Hoàng Minh',
        note: 'Hẹn em khám thứ Năm.',
      });
      expect(await clock(c, 'referral_feedback')).toMatchObject({ dueAt, rule });
    }
  });
});

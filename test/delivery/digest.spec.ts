import { CaseBody, move, openCase } from '../support/case-helpers';
import { World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { PUBLIC_URL, useDeliveryWorld } from '../support/delivery-helpers';
import { EscalationSweepService } from '@dh/escalations';

// assessment_due of a case started on Monday 2/3: the close of Monday 9/3.
const STARTED = '2026-03-02T09:00:00+07:00';
const DUE = '2026-03-09T17:00:00+07:00';

// A supervisor who chose the daily digest for overdue alerts hears of them once, at 07:00 of the next working
// day, in one message; a colleague who did not hears of each at once. Mail only.
describe('the daily digest', () => {
  let t: TestApp;
  let w: World;
  const d = useDeliveryWorld({ ALERT_WEBHOOK_URL: '' });
  const { drain, raise, reset, setEmail, choose, mailsTo, deliveriesOf } = d;
  const TT = 'minh.tt@thcs-a.edu.vn';
  const TT2 = 'hoa.tt@thcs-a.edu.vn';
  beforeAll(async () => {
    ({ t, w } = d.world);
    await setEmail(w.users.supervisorA, TT);
    await setEmail(w.users.supervisorA2, TT2);
    await choose(w.users.supervisorA, [{ channel: 'email', level: 'overdue', mode: 'digest' }]);
  });
  beforeEach(() => reset());

  const at = (iso: string) => t.clock.set(iso);
  const overdueCase = async (): Promise<CaseBody> => {
    at(STARTED);
    const c = await move(t, w.users.counsellorA, await openCase(t, w), 'START_ASSESSMENT');
    at(DUE);
    await t.app.get(EscalationSweepService).sweepOnce();
    return c;
  };

  it('holds a day’s alerts and sends them in one message at 07:00 the next working day, once', async () => {
    const first = await overdueCase();
    const second = await overdueCase();
    at('2026-03-09T18:00:00+07:00');
    await raise('overdue');
    await drain();
    expect(await mailsTo(TT)).toEqual([]);
    expect(await mailsTo(TT2)).toHaveLength(3);

    at('2026-03-10T06:59:00+07:00');
    await drain();
    expect(await mailsTo(TT)).toEqual([]);

    at('2026-03-10T07:00:00+07:00');
    await drain();
    const [digest, ...more] = await mailsTo(TT);
    expect(more).toEqual([]);
    expect(digest.subject).toBe('[Đồng Hành] Tổng hợp cảnh báo ngày 10/03/2026 (3) / Daily digest');
    expect(digest.text.indexOf('3 cảnh báo kể từ bản tổng hợp trước:')).toBeLessThan(
      digest.text.indexOf('3 alerts since the last digest:'),
    );
    for (const c of [first, second]) expect(digest.text).toContain(`${PUBLIC_URL}/ho-so/${c.id}`);
    const rows = await deliveriesOf(w.users.supervisorA);
    const digestRow = rows.find((r) => r.kind === 'digest');
    expect(digest.id).toBe(`<${digestRow!.id}@dong-hanh>`);
    expect(rows.filter((r) => r.kind === 'alert').map((r) => r.status)).toEqual(['digested', 'digested', 'digested']);

    at('2026-03-10T07:15:00+07:00');
    await drain();
    at('2026-03-11T07:00:00+07:00');
    await drain();
    expect(await mailsTo(TT)).toHaveLength(1);
  });

  it('keeps Friday’s alerts over the weekend; one raised after 07:00 waits for the next day’s digest', async () => {
    at('2026-03-13T16:00:00+07:00');
    await raise('overdue');
    at('2026-03-14T07:00:00+07:00');
    await drain();
    expect(await mailsTo(TT)).toEqual([]);

    at('2026-03-16T07:30:00+07:00');
    await raise('overdue');
    await drain();
    const monday = await mailsTo(TT);
    expect(monday.map((m) => m.subject)).toEqual(['[Đồng Hành] Tổng hợp cảnh báo ngày 16/03/2026 (1) / Daily digest']);

    at('2026-03-17T07:00:00+07:00');
    await drain();
    expect((await mailsTo(TT)).map((m) => m.subject)).toEqual([
      ...monday.map((m) => m.subject),
      '[Đồng Hành] Tổng hợp cảnh báo ngày 17/03/2026 (1) / Daily digest',
    ]);
  });
});

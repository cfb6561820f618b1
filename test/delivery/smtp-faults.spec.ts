import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useDeliveryWorld } from '../support/delivery-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

// A mail server that refuses, stalls, breaks off or rejects an address: each message ends delivered once, or
// failed where it must, on the test's clock (retries wait for it, never for real time). The gateway is off here.
describe('e-mail delivery when the mail server misbehaves', () => {
  let t: TestApp;
  let w: World;
  const d = useDeliveryWorld({ ALERT_WEBHOOK_URL: '' });
  const { servers, drain, raise, reset, setEmail, mailsTo, deliveriesOf } = d;
  const TT = 'minh.tt@thcs-a.edu.vn';
  const TT2 = 'hoa.tt@thcs-a.edu.vn';
  beforeAll(async () => {
    ({ t, w } = d.world);
    await setEmail(w.users.supervisorA, TT);
    await setEmail(w.users.supervisorA2, TT2);
  });
  beforeEach(async () => {
    await reset();
    t.clock.set('2026-03-02T09:00:00+07:00');
  });
  afterEach(() => servers.smtp.start().catch(() => undefined));

  const advance = (ms: number) => t.clock.advance(ms);
  const lastRow = async () => (await deliveriesOf(w.users.supervisorA)).at(-1);
  const health = async () => (await t.http().get('/api/health').expect(200)).body;

  it('a refused connection waits a minute (stretched by at most a fifth) and then goes, once', async () => {
    await servers.smtp.stop();
    await raise();
    expect(await drain()).toMatchObject({ sent: 0, retrying: 2 });
    const row = await lastRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/ECONN/) });
    const wait = row!.next_attempt_at.getTime() - t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(MIN);
    expect(wait).toBeLessThanOrEqual(1.2 * MIN);
    await servers.smtp.start();
    expect(await drain()).toMatchObject({ sent: 0 }); // not due yet
    advance(1.2 * MIN);
    expect(await drain()).toMatchObject({ sent: 2, retrying: 0 });
    expect(await mailsTo(TT)).toHaveLength(1);
    expect(await lastRow()).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('421 and 451 are tried again, each wait longer; a connection closed in the middle of DATA too', async () => {
    servers.smtp.fault = { kind: 'reply', code: 421 };
    await raise();
    expect(await drain()).toMatchObject({ retrying: 2 });
    expect((await lastRow())?.last_error).toMatch(/421/);
    servers.smtp.fault = { kind: 'reply', code: 451 };
    advance(1.2 * MIN);
    expect(await drain()).toMatchObject({ retrying: 2 });
    const second = await lastRow();
    expect(second?.last_error).toMatch(/451/);
    expect(second!.next_attempt_at.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(2 * MIN);
    servers.smtp.fault = { kind: 'closeMidData' };
    advance(2.4 * MIN);
    expect(await drain()).toMatchObject({ retrying: 2 });
    servers.smtp.fault = { kind: 'none' };
    advance(4.8 * MIN);
    expect(await drain()).toMatchObject({ sent: 2 });
    expect(await mailsTo(TT)).toHaveLength(1);
    expect(await mailsTo(TT2)).toHaveLength(1);
    expect(await lastRow()).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('550 for one address fails that message at once, tells the supervisors in the app, and the admin can retry it', async () => {
    const { supervisorA: tt, supervisorA2: tt2, adminW: admin, counsellorA: tv } = w.users;
    servers.smtp.fault = { kind: 'reply', code: 550, to: TT };
    await raise();
    expect(await drain()).toMatchObject({ sent: 1, failed: 1, retrying: 0 });
    expect(await mailsTo(TT2)).toHaveLength(1);
    const failed = await lastRow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/550/) });

    const told = (await t.http().get('/api/alerts').query({ level: 'delivery_failed' }).set(auth(tt2)).expect(200)).body
      .items;
    expect(told).toHaveLength(1);
    expect(told[0].reason).toMatch(/^Không gửi được thư điện tử cảnh báo tới Người dùng supervisorA: .*550/);
    // That alert stays in the app: no mail about a mail that failed.
    expect(await drain()).toMatchObject({ sent: 0, routed: 2 });

    const listed = (
      await t.http().get('/api/admin/outbox').query({ status: 'failed', userId: tt.id }).set(auth(admin)).expect(200)
    ).body;
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: failed!.id,
        channel: 'email',
        status: 'failed',
        userFullName: 'Người dùng supervisorA',
      }),
    ]);
    await t.http().post(`/api/admin/outbox/${failed!.id}/retry`).set(auth(tv)).expect(403);
    servers.smtp.fault = { kind: 'none' };
    const retried = await t.http().post(`/api/admin/outbox/${failed!.id}/retry`).set(auth(admin)).expect(200);
    expect(retried.body).toEqual({ retried: 1 });
    const again = await t.http().post(`/api/admin/outbox/${failed!.id}/retry`).set(auth(admin)).expect(409);
    expect(again.body.code).toBe('DELIVERY_NOT_FAILED');
    await t.http().post(`/api/admin/outbox/${tv.id}/retry`).set(auth(admin)).expect(404);
    expect(await drain()).toMatchObject({ sent: 1 });
    const mails = await mailsTo(TT);
    expect(mails.map((m) => m.id)).toEqual([`<${failed!.id}@dong-hanh>`]);
  });

  it('a server down a whole day loses nothing; health says degraded while mail waits, then ok', async () => {
    expect((await health()).status).toBe('ok');
    await servers.smtp.stop();
    await raise();
    await drain();
    advance(61 * MIN);
    const late = await health();
    expect(late.status).toBe('degraded');
    expect(late.details.outbox).toMatchObject({ status: 'degraded', backlog: 2, oldestPendingMinutes: 61 });
    for (let h = 0; h < 22; h += 1) {
      advance(HOUR);
      expect(await drain()).toMatchObject({ sent: 0, failed: 0 });
    }
    // 23 h 59 min after the first try: the last try is kept for the end of the day.
    advance(58 * MIN);
    expect(await drain()).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    await servers.smtp.start();
    advance(MIN);
    expect(await drain()).toMatchObject({ sent: 2, failed: 0 });
    expect(await mailsTo(TT)).toHaveLength(1);
    expect((await health()).status).toBe('ok');
  });

  it('gives up 24 hours after the first try, once; "retry all" of one person sends it then', async () => {
    const { supervisorA: tt, adminW: admin } = w.users;
    await servers.smtp.stop();
    await raise();
    let failed = 0;
    for (let h = 0; h < 26; h += 1) {
      failed += (await drain()).failed;
      advance(HOUR);
    }
    expect(failed).toBe(2);
    const row = await lastRow();
    expect(row).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/ECONN/) });
    // 1, 2, 4, 8, 16, 32 minutes, then hourly up to 24 hours.
    expect(row!.attempts).toBeGreaterThanOrEqual(20);
    await servers.smtp.start();
    const answer = await t.http().post('/api/admin/outbox/retry').set(auth(admin)).send({ userId: tt.id }).expect(200);
    expect(answer.body).toEqual({ retried: 1 });
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(await mailsTo(TT)).toHaveLength(1);
    expect(await mailsTo(TT2)).toHaveLength(0);
  });
});

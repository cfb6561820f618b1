import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useDeliveryWorld } from '../support/delivery-helpers';

const SECOND = 1000;
const MIN = 60 * SECOND;

// A gateway that fails, asks to slow down, hangs or refuses the call: each message ends delivered once (the
// receiver counts by id) or failed at once, on the test's clock. Mail is off here.
describe('gateway webhook delivery when the gateway misbehaves', () => {
  let t: TestApp;
  let w: World;
  // A short timeout, for the gateway that hangs; the other answers here are immediate, but 300 ms proved too short
  // for them once on a machine loaded by other test runs.
  const d = useDeliveryWorld({ SMTP_URL: '', SMTP_FROM: '', ALERT_WEBHOOK_TIMEOUT_MS: '1500' });
  const { servers, drain, raise, reset, deliveriesOf } = d;
  beforeAll(() => {
    ({ t, w } = d.world);
  });
  beforeEach(async () => {
    await reset();
    t.clock.set('2026-03-02T09:00:00+07:00');
  });

  const lastRow = async () => (await deliveriesOf(w.users.supervisorA)).at(-1);
  const waitOf = async () => (await lastRow())!.next_attempt_at.getTime() - t.clock.now().getTime();
  // Every id the gateway accepted, and how many calls it saw in all.
  const accepted = () => servers.webhook.received.map((c) => c.json.id as string);

  it('500 is tried again after the backoff; the retry carries the same id, and it is accepted once', async () => {
    servers.webhook.fault = { kind: 'status', status: 500 };
    await raise();
    expect(await drain()).toMatchObject({ sent: 0, retrying: 2 });
    expect(await lastRow()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'webhook answered 500' });
    servers.webhook.fault = { kind: 'none' };
    t.clock.advance(1.2 * MIN);
    expect(await drain()).toMatchObject({ sent: 2, retrying: 0 });
    expect(new Set(servers.webhook.ids).size).toBe(2);
    expect(servers.webhook.ids).toHaveLength(4);
    expect(accepted().sort()).toEqual([...new Set(servers.webhook.ids)].sort());
    expect(await drain()).toMatchObject({ sent: 0 });
    expect(accepted()).toHaveLength(2);
  });

  it('429 waits exactly what Retry-After asks, in seconds or as a date', async () => {
    servers.webhook.fault = { kind: 'status', status: 429, retryAfter: '120' };
    await raise();
    expect(await drain()).toMatchObject({ retrying: 2 });
    expect(await waitOf()).toBe(120 * SECOND);
    t.clock.advance(119 * SECOND);
    expect(await drain()).toMatchObject({ sent: 0, retrying: 0 });
    expect(servers.webhook.ids).toHaveLength(2);

    const at = new Date(t.clock.now().getTime() + 1 * SECOND + 5 * MIN);
    servers.webhook.fault = { kind: 'status', status: 429, retryAfter: at.toUTCString() };
    t.clock.advance(1 * SECOND);
    expect(await drain()).toMatchObject({ retrying: 2 });
    expect(await waitOf()).toBe(5 * MIN);
    servers.webhook.fault = { kind: 'none' };
    t.clock.advance(5 * MIN);
    expect(await drain()).toMatchObject({ sent: 2 });
    expect(accepted()).toHaveLength(2);
  });

  it('a gateway that does not answer within the timeout is tried again, not waited on', async () => {
    servers.webhook.fault = { kind: 'hang' };
    await raise();
    expect(await drain()).toMatchObject({ sent: 0, retrying: 2 });
    expect((await lastRow())?.last_error).toMatch(/^webhook unreachable: .*(timeout|aborted)/i);
    servers.webhook.fault = { kind: 'none' };
    t.clock.advance(1.2 * MIN);
    expect(await drain()).toMatchObject({ sent: 2 });
    expect(accepted()).toHaveLength(2);
  });

  it('400 fails at once, is never tried again, and the supervisors are told in the app', async () => {
    servers.webhook.fault = { kind: 'status', status: 400 };
    await raise();
    expect(await drain()).toMatchObject({ sent: 0, failed: 2, retrying: 0 });
    expect(await lastRow()).toMatchObject({ status: 'failed', attempts: 1, last_error: 'webhook answered 400' });
    servers.webhook.fault = { kind: 'none' };
    t.clock.advance(2 * 60 * MIN);
    expect(await drain()).toMatchObject({ sent: 0, failed: 0 });
    expect(servers.webhook.ids).toHaveLength(2);
    const told = (
      await t.http().get('/api/alerts').query({ level: 'delivery_failed' }).set(auth(w.users.supervisorA)).expect(200)
    ).body.items;
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told[0].reason).toMatch(/400/);
  });
});

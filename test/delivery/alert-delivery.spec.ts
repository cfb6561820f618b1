import { Login, World } from '../support/fixtures';
import { CaseBody, move, openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { hmacOf, PUBLIC_URL, useDeliveryWorld } from '../support/delivery-helpers';
import { EscalationSweepService } from '@dh/escalations';

const MONDAY = '2026-03-02T09:00:00+07:00';
// assessment_due of a case started on MONDAY: the close of Monday 9/3.
const DUE = '2026-03-09T17:00:00+07:00';

describe('alerts reach people by e-mail and through the gateway', () => {
  let t: TestApp;
  let w: World;
  const d = useDeliveryWorld();
  const { servers, drain, setEmail, choose, mailsTo, deliveriesOf } = d;
  beforeAll(async () => {
    ({ t, w } = d.world);
    const { counsellorA: tv, supervisorA: tt, supervisorA2: tt2, principalA: ht } = w.users;
    await setEmail(tv, 'lan.tv@thcs-a.edu.vn', '0912345678');
    await setEmail(tt, 'minh.tt@thcs-a.edu.vn');
    await setEmail(tt2, 'hoa.tt@thcs-a.edu.vn');
    await setEmail(ht, 'ha.ht@thcs-a.edu.vn');
  });
  beforeEach(() => {
    servers.smtp.received.length = 0;
    servers.webhook.received.length = 0;
    servers.smtp.fault = { kind: 'none' };
    servers.webhook.fault = { kind: 'none' };
  });

  const sweep = () => t.app.get(EscalationSweepService).sweepOnce();
  const at = (iso: string) => t.clock.set(iso);
  const overdueCase = async (): Promise<CaseBody> => {
    at(MONDAY);
    const c = await move(t, w.users.counsellorA, await openCase(t, w), 'START_ASSESSMENT');
    at(DUE);
    await sweep();
    return c;
  };

  it('sends an overdue alert once per person and channel: Vietnamese first, the case number, stage, due time and link, no learner', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    const c = await overdueCase();
    const result = await drain();
    // tv: the reminder (its instant passed too) and the overdue; tt, tt2: the overdue; each by e-mail and gateway.
    expect(result).toMatchObject({ sent: 8, failed: 0, retrying: 0 });
    expect(await drain()).toMatchObject({ sent: 0, routed: 0 });

    const [mail, ...more] = await mailsTo('minh.tt@thcs-a.edu.vn');
    expect(more).toEqual([]);
    expect(mail.raw.secure).toBe(true); // STARTTLS, as SMTP_REQUIRE_TLS asks
    expect(mail.raw.user).toBe('dong-hanh');
    expect(mail.raw.from).toBe('canh-bao@donghanh.phuong.test');
    expect(mail.subject).toBe(`[Đồng Hành] Quá hạn — hồ sơ ${c.code} / Overdue`);
    const text = mail.text;
    expect(text.indexOf('Quá hạn hoàn thành đánh giá')).toBeLessThan(text.indexOf('overdue'));
    expect(text).toContain(`Hồ sơ: ${c.code} — giai đoạn: Đánh giá`);
    expect(text).toContain('Hạn: 17:00 09/03/2026');
    expect(text).toContain(`${PUBLIC_URL}/ho-so/${c.id}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/ho-so/${c.id}"`);
    // The learner ("Học Sinh Số n", class 7A1) never leaves the school by mail.
    for (const m of servers.smtp.received) expect(m.raw).not.toMatch(/Học Sinh|Hoc Sinh|7A1/);

    const rows = (await deliveriesOf(tt)).filter((r) => r.channel === 'email');
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
    expect(mail.id).toBe(`<${rows[0].id}@dong-hanh>`);

    // The gateway: one signed call per person, the SMS text short and without diacritics.
    const calls = servers.webhook.received.filter(
      (r) => (r.json.recipient as { userId: string }).userId === tv.id && r.json.level === 'overdue',
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.headers['x-donghanh-signature']).toBe(hmacOf(call.body));
    expect(call.headers['x-donghanh-timestamp']).toBe(call.json.sentAt);
    expect(call.json).toMatchObject({
      level: 'overdue',
      recipient: { userId: tv.id, phone: '+84912345678' },
      caseCode: c.code,
      link: `${PUBLIC_URL}/ho-so/${c.id}`,
    });
    expect((await deliveriesOf(tv)).filter((r) => r.channel === 'webhook').map((r) => r.id)).toContain(call.json.id);
    expect((call.json.text as string).startsWith('Quá hạn hoàn thành đánh giá')).toBe(true);
    const sms = call.json.sms as string;
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(sms).toMatch(/^[\x20-\x7e]*$/);
    expect(sms).toMatch(
      /^Qua han hoan thanh danh gia .*\.\.\. https:\/\/donghanh\.phuong\.test\/ho-so\/[0-9a-f-]{36}$/,
    );
  });

  it('honours each person’s choices, but a critical risk goes out at once even over a stored "off"', async () => {
    const { counsellorA: tv, supervisorA: tt, supervisorA2: tt2, principalA: ht } = w.users;
    await choose(tt, [
      { channel: 'email', level: 'overdue', mode: 'off' },
      { channel: 'webhook', level: 'overdue', mode: 'off' },
    ]);
    await choose(tt2, [{ channel: 'webhook', level: 'overdue', mode: 'off' }]);
    // A choice the API refuses, as an older version might have stored it: the delivery still ignores it.
    await d.world.pg.query(
      `INSERT INTO notification_preference (user_id, channel, level, mode) VALUES ($1, 'email', 'critical_risk', 'off')`,
      [tt.id],
    );
    await overdueCase();
    await drain();
    expect(await mailsTo('minh.tt@thcs-a.edu.vn')).toEqual([]);
    expect(await mailsTo('hoa.tt@thcs-a.edu.vn')).toHaveLength(1);
    const gatewayTo = (who: Login) =>
      servers.webhook.received.filter((r) => (r.json.recipient as { userId: string }).userId === who.id);
    expect(gatewayTo(tt2)).toEqual([]);
    expect(gatewayTo(tv).map((r) => r.json.level)).toEqual(['reminder', 'overdue']);

    const c = await openCase(t, w);
    await move(t, tv, c, 'UPDATE_RISK', { riskLevel: 'critical', riskRationale: 'Em nói không muốn sống nữa.' });
    await drain();
    const critical = await mailsTo('minh.tt@thcs-a.edu.vn');
    expect(critical.map((m) => m.subject)).toEqual([
      `[Đồng Hành] Nguy cơ nghiêm trọng — hồ sơ ${c.code} / Critical risk`,
    ]);
    expect((await mailsTo('ha.ht@thcs-a.edu.vn')).map((m) => m.subject)).toEqual(critical.map((m) => m.subject));
    await choose(tt, [
      { channel: 'email', level: 'overdue', mode: 'immediate' },
      { channel: 'webhook', level: 'overdue', mode: 'immediate' },
    ]);
    await choose(tt2, [{ channel: 'webhook', level: 'overdue', mode: 'immediate' }]);
    await d.world.pg.query(`DELETE FROM notification_preference WHERE user_id = $1`, [tt.id]);
    void ht;
  });
});

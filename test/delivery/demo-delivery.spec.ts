import { DataSource } from 'typeorm';
import { DeliveryDispatcher } from '@dh/delivery';
import { demoEmail, DemoSeedService } from '@dh/demo';
import { EscalationSweepService } from '@dh/escalations';
import { parseMail, PUBLIC_URL } from '../support/delivery-helpers';
import { startSmtpTestServer, SmtpTestServer } from '../support/smtp-test-server';
import { startTestApp, TestApp } from '../support/test-app';

// What a school sees on its first day with SMTP_URL set: the demo school's supervisor gets the overdue e-mail of a
// demo case when the sweep raises it.
describe('the demo school’s alerts by e-mail', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Đồng Hành <canh-bao@dong-hanh.example>',
      SMTP_REQUIRE_TLS: 'true',
      SMTP_VERIFY_TLS: 'false',
      PUBLIC_URL,
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a supervisor of THCS Đống Đa receives the overdue e-mail of a demo case, once', async () => {
    await t.app.get(DemoSeedService).seedOnce();
    // Three weeks on, every open demo case is past its stage's deadline.
    t.clock.set('2026-03-23T09:00:00+07:00');
    await t.app.get(EscalationSweepService).sweepOnce();
    await t.app.get(DeliveryDispatcher).drain();
    await t.app.get(DeliveryDispatcher).drain();

    const mails = await Promise.all(
      smtp.received.filter((m) => m.to.includes(demoEmail('tt.dongda'))).map((m) => parseMail(m)),
    );
    const overdue = mails.filter((m) => /^\[Đồng Hành\] Quá hạn — hồ sơ \S+ \/ Overdue$/.test(m.subject));
    expect(overdue.length).toBeGreaterThan(0);
    const code = /hồ sơ (\S+)/.exec(overdue[0].subject)![1];
    const [demoCase] = await t.app
      .get(DataSource)
      .query(`SELECT c.id FROM "case" c JOIN school s ON s.id = c.school_id WHERE c.code = $1 AND s.code = 'DD'`, [
        code,
      ]);
    expect(overdue[0].text).toContain(`${PUBLIC_URL}/ho-so/${demoCase.id}`);
    expect(new Set(mails.map((m) => m.id)).size).toBe(mails.length);
  });
});

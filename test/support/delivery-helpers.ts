import { createHmac } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { DeliveryDispatcher, DrainResult } from '@dh/delivery';
import { AlertService } from '@dh/escalations';
import { auth, Login } from './fixtures';
import { startSmtpTestServer, SmtpTestServer, ReceivedMail } from './smtp-test-server';
import { TestWorld, useTestWorld } from './test-world';
import { startWebhookReceiver, WebhookReceiver } from './webhook-receiver';

export const WEBHOOK_SECRET = 'bi-mat-cua-cong-tin-nhan-0123456789abcdef';
export const PUBLIC_URL = 'https://donghanh.phuong.test';

export type ParsedMail = {
  id: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  raw: ReceivedMail;
};

export const parseMail = async (m: ReceivedMail): Promise<ParsedMail> => {
  const p = await simpleParser(m.raw);
  return {
    id: p.messageId ?? null,
    to: m.to.join(','),
    subject: p.subject ?? '',
    text: p.text ?? '',
    html: typeof p.html === 'string' ? p.html : '',
    raw: m,
  };
};

export const hmacOf = (body: string) => `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;

// A test world whose alerts leave by a real SMTP server (STARTTLS required, a password) and a gateway receiver,
// both on loopback ports, started before the app so that its configuration names them.
export const useDeliveryWorld = (env: Record<string, string> = {}) => {
  const servers = {} as { smtp: SmtpTestServer; webhook: WebhookReceiver };
  const appEnv: Record<string, string> = {};
  beforeAll(async () => {
    servers.smtp = await startSmtpTestServer();
    servers.webhook = await startWebhookReceiver();
    Object.assign(appEnv, {
      SMTP_URL: servers.smtp.url,
      SMTP_FROM: 'Đồng Hành <canh-bao@donghanh.phuong.test>',
      SMTP_REQUIRE_TLS: 'true',
      SMTP_VERIFY_TLS: 'false',
      PUBLIC_URL,
      ALERT_WEBHOOK_URL: servers.webhook.url,
      ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // A loaded machine may take seconds to answer: a timeout would turn into a retry the frozen clock never
      // reaches (a CI run sent 7 of 8). The spec of a hanging gateway sets its own short one.
      ALERT_WEBHOOK_TIMEOUT_MS: '20000',
      ...env,
    });
  });
  const world: TestWorld = useTestWorld(appEnv);
  afterAll(async () => {
    await servers.smtp?.close();
    await servers.webhook?.close();
  });
  return {
    world,
    servers,
    drain: (): Promise<DrainResult> => world.t.app.get(DeliveryDispatcher).drain(),
    setEmail: (who: Login, email: string, phone?: string) =>
      world.t
        .http()
        .put(`/api/admin/users/${who.id}/contact`)
        .set(auth(world.w.users.adminW))
        .send({ email, ...(phone ? { phone } : {}) })
        .expect(200),
    choose: (who: Login, choices: { channel: string; level: string; mode: string }[]) =>
      world.t.http().put('/api/me/notifications').set(auth(who)).send({ choices }).expect(200),
    // An alert of that level to school A's supervisors (about no case), as the sweep would raise it.
    raise: (level = 'overdue') =>
      world.t.app.get(DataSource).transaction((tx) =>
        world.t.app.get(AlertService).raiseForSchool(tx, world.w.schoolA, null, world.t.clock.now(), {
          level,
          to: ['supervisors'],
          subject: 'Đồng Hành',
          text: (school) => [`Quá hạn nộp báo cáo — ${school}`, `Report overdue — ${school}`],
        }),
      ),
    // Each test starts with an empty queue: what an earlier test left pending would go out in this one.
    reset: async () => {
      await world.pg.query(`DELETE FROM alert_delivery`);
      await world.pg.query(`UPDATE alert_outbox SET sent_at = now() WHERE sent_at IS NULL`);
      servers.smtp.received.length = 0;
      servers.webhook.received.length = 0;
      servers.webhook.ids.length = 0;
      servers.smtp.fault = { kind: 'none' };
      servers.webhook.fault = { kind: 'none' };
    },
    mailsTo: async (address: string): Promise<ParsedMail[]> =>
      Promise.all(servers.smtp.received.filter((m) => m.to.includes(address)).map(parseMail)),
    // The rows of one person's deliveries, oldest first.
    deliveriesOf: async (who: Login) =>
      (
        await world.pg.query(
          `SELECT id, kind, channel, status, attempts, last_error, next_attempt_at FROM alert_delivery
            WHERE user_id = $1 ORDER BY created_at, channel, id`,
          [who.id],
        )
      ).rows as {
        id: string;
        kind: string;
        channel: string;
        status: string;
        attempts: number;
        last_error: string | null;
        next_attempt_at: Date;
      }[],
  };
};

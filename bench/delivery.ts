// What delivery costs: BENCH_N alerts (default 10,000) drained to a local mail server and to a local gateway,
// each beside a baseline measured in the same run (the same messages sent by a bare nodemailer pool, or bare
// signed POSTs, at the dispatcher's concurrency, with no database); then the drain of a backlog left by an
// outage of the mail server (every message tried and refused once, the server back an hour later).
// Run: npm run build && node dist/bench/delivery.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { INestApplicationContext } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { alertMessage, DeliveryDispatcher, OutgoingMessage, signBody } from '@dh/delivery';
import { UserService } from '@dh/identity';
import { withBenchApp } from './bench-app';
import { Sink, startSmtpSink, startWebhookSink } from './delivery-receivers';

const N = Number(process.env.BENCH_N ?? 10_000);
// As the dispatcher: eight sends at a time, over a pool of four SMTP connections.
const CONCURRENCY = 8;
const SECRET = 'bench-gateway-secret-0123456789abcdef';
const FROM = 'Đồng Hành <canh-bao@dong-hanh.example>';

const sample: OutgoingMessage = alertMessage(
  {
    level: 'overdue',
    reason: 'Quá hạn hoàn thành đánh giá 2 ngày làm việc — Trường Bench (hồ sơ BB-2026-0001)',
    reasonEn: 'Assessment complete overdue by 2 working days — Trường Bench (case BB-2026-0001)',
    caseId: '00000000-0000-4000-8000-000000000001',
    caseCode: 'BB-2026-0001',
    stage: { vi: 'Đánh giá', en: 'Assessment' },
    dueAt: new Date(),
    createdAt: new Date(),
  },
  { publicUrl: 'https://donghanh.phuong.example', timeZone: 'Asia/Ho_Chi_Minh' },
);

const seconds = async (run: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};

const inParallel = async (n: number, send: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) await send(i);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
};

// n alerts to one supervisor, queued as the sweep queues them.
const plant = (pg: Client, schoolId: string, userId: string, n: number) =>
  pg.query(
    `WITH a AS (
       INSERT INTO alert (recipient_id, school_id, level, reason, reason_en, created_at)
       SELECT $1, $2, 'overdue', $4 || ' ' || g, $5 || ' ' || g, now() FROM generate_series(1, $3) g
       RETURNING id, recipient_id, reason, created_at)
     INSERT INTO alert_outbox (alert_id, channel, recipient, subject, body, created_at)
     SELECT id, 'default', recipient_id, 'Đồng Hành', reason, created_at FROM a`,
    [userId, schoolId, n, 'Quá hạn hoàn thành đánh giá', 'Assessment overdue'],
  );

const seed = async (app: INestApplicationContext): Promise<{ schoolId: string; userId: string }> => {
  const users = app.get(UserService);
  const ward = await users.createWard('B', 'Bench');
  const school = await users.createSchool(ward.id, 'BB', 'Trường Bench');
  const user = await users.createUser({
    username: 'tt.bench',
    fullName: 'Tổ trưởng Bench',
    password: 'bench-password',
    roles: ['supervisor'],
    schoolIds: [school.id],
    email: 'tt.bench@dong-hanh.example',
  });
  return { schoolId: school.id, userId: user.id };
};

const received = (sink: Sink, from: number, what: string): number => {
  const got = sink.ids.slice(from);
  const distinct = new Set(got).size;
  if (got.length !== N || distinct !== N)
    throw new Error(`${what}: ${got.length} received, ${distinct} distinct, ${N} expected`);
  return got.length;
};

const rate = (n: number, s: number) => `${(n / s).toFixed(0)} msg/s (${s.toFixed(1)} s)`;

const benchMail = async (): Promise<void> => {
  const smtp = await startSmtpSink();
  try {
    let engine = 0;
    let backlog = 0;
    await withBenchApp(
      'delivery_mail',
      async (app, url) => {
        const pg = new Client({ connectionString: url });
        await pg.connect();
        try {
          const { schoolId, userId } = await seed(app);
          const dispatcher = app.get(DeliveryDispatcher);
          // Warm-up: the first drain pays for connections and compiled code.
          await plant(pg, schoolId, userId, 100);
          await dispatcher.drain();

          await plant(pg, schoolId, userId, N);
          let from = smtp.ids.length;
          engine = await seconds(() => dispatcher.drain());
          received(smtp, from, 'mail');

          // The outage: every message of the backlog tried once and refused; an hour later the server is back
          // and every row is due again.
          await smtp.stop();
          await plant(pg, schoolId, userId, N);
          const refused = await dispatcher.drain();
          if (refused.retrying !== N) throw new Error(`outage: ${JSON.stringify(refused)}`);
          await smtp.start();
          await pg.query(`UPDATE alert_delivery SET next_attempt_at = now() WHERE status = 'pending'`);
          from = smtp.ids.length;
          backlog = await seconds(() => dispatcher.drain());
          received(smtp, from, 'backlog');
        } finally {
          await pg.end();
        }
      },
      { SMTP_URL: smtp.url, SMTP_FROM: FROM, SMTP_VERIFY_TLS: 'false' },
    );

    const transport = createTransport({
      url: smtp.url,
      pool: true,
      maxConnections: 4,
      tls: { rejectUnauthorized: false },
    } as Parameters<typeof createTransport>[0]);
    const from = smtp.ids.length;
    const bare = await seconds(() =>
      inParallel(N, async (i) => {
        await transport.sendMail({
          from: FROM,
          to: 'tt.bench@dong-hanh.example',
          subject: sample.subject,
          text: sample.text,
          html: sample.html,
          messageId: `<bare-${i}@dong-hanh>`,
        });
      }),
    );
    transport.close();
    received(smtp, from, 'bare mail');
    console.log(
      `e-mail, ${N} alerts:  engine ${rate(N, engine)}, bare nodemailer ${rate(N, bare)}, ratio ${(engine / bare).toFixed(2)}`,
    );
    console.log(`e-mail backlog of ${N} after an outage: drained at ${rate(N, backlog)}`);
  } finally {
    await smtp.stop();
  }
};

const benchGateway = async (): Promise<void> => {
  const gateway = await startWebhookSink();
  try {
    let engine = 0;
    await withBenchApp(
      'delivery_gateway',
      async (app, url) => {
        const pg = new Client({ connectionString: url });
        await pg.connect();
        try {
          const { schoolId, userId } = await seed(app);
          const dispatcher = app.get(DeliveryDispatcher);
          await plant(pg, schoolId, userId, 100);
          await dispatcher.drain();
          await plant(pg, schoolId, userId, N);
          const from = gateway.ids.length;
          engine = await seconds(() => dispatcher.drain());
          received(gateway, from, 'gateway');
        } finally {
          await pg.end();
        }
      },
      { ALERT_WEBHOOK_URL: gateway.url, ALERT_WEBHOOK_SECRET: SECRET },
    );
    const from = gateway.ids.length;
    const bare = await seconds(() =>
      inParallel(N, async (i) => {
        const body = JSON.stringify({ id: `bare-${i}`, level: 'overdue', text: sample.chat, sms: sample.sms });
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-DongHanh-Signature': signBody(body, SECRET) },
          body,
        });
        await res.body?.cancel();
      }),
    );
    received(gateway, from, 'bare gateway');
    console.log(
      `gateway, ${N} alerts: engine ${rate(N, engine)}, bare fetch ${rate(N, bare)}, ratio ${(engine / bare).toFixed(2)}`,
    );
  } finally {
    await gateway.stop();
  }
};

const main = async (): Promise<void> => {
  await benchMail();
  await benchGateway();
};

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

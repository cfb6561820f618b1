import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ManualClock } from '@dh/clock';
import { DeliveryDispatcher, DeliveryFaults, DrainResult } from '@dh/delivery';
import { CliModule } from '../../apps/cli/src/cli.module';
import { World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useDeliveryWorld } from '../support/delivery-helpers';

const AT = '2026-03-02T09:00:00+07:00';
const MIN = 60_000;
// 10,000 calls to a loopback receiver by three dispatchers: about half a minute on two cores.
const SLOW_TEST_MS = 300_000;

// A process that dies after the remote accepted a message and before it stored that: the message goes again,
// under the same id, so the receiver can tell. And three processes working one outbox send each row once.
describe('delivery survives a crash and shares one outbox between processes', () => {
  let t: TestApp;
  let w: World;
  const d = useDeliveryWorld();
  const { servers, drain, raise, reset, setEmail, mailsTo, deliveriesOf } = d;
  const TT = 'minh.tt@thcs-a.edu.vn';
  beforeAll(async () => {
    ({ t, w } = d.world);
    await setEmail(w.users.supervisorA, TT);
  });
  beforeEach(async () => {
    await reset();
    t.clock.set(AT);
  });

  it('a process dying between the send and its record sends the message again with the same Message-ID', async () => {
    // The process dies once, after its first e-mail left.
    let died: string | null = null;
    const spy = jest.spyOn(t.app.get(DeliveryFaults), 'afterSend').mockImplementation(async (id) => {
      if (died) return;
      const { rows } = await d.world.pg.query(`SELECT channel FROM alert_delivery WHERE id = $1`, [id]);
      if (rows[0].channel !== 'email') return;
      died = id;
      throw new Error('killed after the send');
    });
    try {
      await raise();
      await expect(drain()).rejects.toThrow('killed after the send');
      const sentAs = () => servers.smtp.received.filter((m) => m.messageId === `<${died}@dong-hanh>`);
      expect(sentAs()).toHaveLength(1);
      const row = (await deliveriesOf(w.users.supervisorA)).find((r) => r.id === died);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, channel: 'email' });
      // No other instance can tell the process died: the row waits for its lease to run out, then goes again.
      await drain();
      expect(sentAs()).toHaveLength(1);
      t.clock.advance(5 * MIN);
      await drain();
      expect(sentAs()).toHaveLength(2);
      expect(await mailsTo(TT)).toHaveLength(2);
      const after = await deliveriesOf(w.users.supervisorA);
      expect(after.every((r) => r.status === 'sent')).toBe(true);
      expect(after.find((r) => r.id === died)).toMatchObject({ attempts: 2 });
    } finally {
      spy.mockRestore();
    }
  });

  it(
    'three processes deliver an outbox of 10,000 alerts, each exactly once by id',
    async () => {
      const N = 10_000;
      // Alerts to one supervisor, queued as the sweep queues them; the gateway only (mail would send 10,000 more).
      await d.world.pg.query(
        `WITH a AS (
           INSERT INTO alert (recipient_id, school_id, level, reason, reason_en, created_at)
           SELECT $1, $2, 'overdue', 'Quá hạn ' || g, 'Overdue ' || g, $3 FROM generate_series(1, $4) g
           RETURNING id, recipient_id, reason, created_at)
         INSERT INTO alert_outbox (alert_id, channel, recipient, subject, body, created_at)
         SELECT id, 'default', recipient_id, 'Đồng Hành', reason, created_at FROM a`,
        [w.users.supervisorA2.id, w.schoolA, t.clock.now(), N],
      );
      const contexts: INestApplicationContext[] = [];
      try {
        for (let i = 0; i < 3; i += 1) {
          contexts.push(
            await NestFactory.createApplicationContext(CliModule.forRoot(t.config, new ManualClock(AT)), {
              logger: ['error', 'warn'],
            }),
          );
        }
        const results: DrainResult[] = await Promise.all(contexts.map((c) => c.get(DeliveryDispatcher).drain()));
        expect(results.reduce((n, r) => n + r.routed, 0)).toBe(N);
        expect(results.reduce((n, r) => n + r.sent, 0)).toBe(N);
        // Each process took a share: the outbox was worked together, not by whoever came first.
        expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
      } finally {
        for (const c of contexts) await c.close();
      }
      const ids = servers.webhook.ids;
      expect(ids).toHaveLength(N);
      expect(new Set(ids).size).toBe(N);
      const { rows } = await d.world.pg.query(
        `SELECT status, count(*)::int AS n, max(attempts) AS attempts FROM alert_delivery GROUP BY status`,
      );
      expect(rows).toEqual([{ status: 'sent', n: N, attempts: 1 }]);
    },
    SLOW_TEST_MS,
  );
});

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { AlertService } from '@dh/escalations';
import { inTransaction } from '@dh/database';
import { backoffMs, RETRY_WINDOW_MS } from './backoff';
import { DeliveryError } from './delivery-error';
import { DeliveryFacts } from './delivery-facts';
import { DeliveryFaults } from './delivery-faults';
import { DeliveryFanOut } from './delivery-fan-out.service';
import { alertMessage, digestMessage, OutgoingMessage } from './delivery-message';
import { DigestComposer } from './digest-composer.service';
import { MailSender } from './mail-sender';
import { WebhookSender } from './webhook-sender';

export type DrainResult = { routed: number; digests: number; sent: number; retrying: number; failed: number };

// A claimed row, as the claim's RETURNING and the recipient's contact give it.
type Claimed = {
  id: string;
  kind: 'alert' | 'digest';
  user_id: string;
  school_id: string | null;
  channel: 'email' | 'webhook';
  attempts: number;
  lease_id: string;
  window_started_at: Date;
  digest_date: string | null;
};
type Contact = { email: string | null; phone: string | null; full_name: string };

const BATCH = 100;
const CONCURRENCY = 8;
// Longer than any send can take (the SMTP socket timeout is 30 s): a lease that runs out means its holder died.
const LEASE_MS = 5 * 60_000;

// Works the delivery rows: claims a batch in one short transaction (attempts + 1, a lease committed before
// anything is sent), sends outside any transaction, stores each outcome in another short one, and goes on until
// nothing is due. Several instances share the table through SKIP LOCKED; a holder that dies leaves its lease to
// run out, and the row goes again with its id unchanged.
@Injectable()
export class DeliveryDispatcher {
  private readonly logger = new Logger(DeliveryDispatcher.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly fanOut: DeliveryFanOut,
    private readonly digests: DigestComposer,
    private readonly facts: DeliveryFacts,
    private readonly mail: MailSender,
    private readonly webhook: WebhookSender,
    private readonly faults: DeliveryFaults,
    private readonly alerts: AlertService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async drain(): Promise<DrainResult> {
    const result: DrainResult = { routed: 0, digests: 0, sent: 0, retrying: 0, failed: 0 };
    for (let n = await this.fanOut.routeQueued(); n > 0; n = await this.fanOut.routeQueued()) result.routed += n;
    result.digests = await this.digests.composeDue();
    for (let batch = await this.claim(); batch.length > 0; batch = await this.claim()) {
      await this.deliverBatch(batch, result);
    }
    return result;
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.clock.now();
    const leaseEnd = new Date(now.getTime() + LEASE_MS);
    // next_attempt_at moves to the lease's end as well: a row whose holder died is due again then, by one index.
    const [rows]: [Claimed[], number] = await this.source.query(
      `UPDATE alert_delivery d
          SET attempts = d.attempts + 1, lease_id = $3, locked_until = $2, next_attempt_at = $2
         FROM (SELECT id FROM alert_delivery WHERE status = 'pending' AND next_attempt_at <= $1
                ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        RETURNING d.id, d.kind, d.user_id, d.school_id, d.channel, d.attempts, d.lease_id, d.window_started_at,
                  to_char(d.digest_date, 'YYYY-MM-DD') AS digest_date`,
      [now, leaseEnd, randomUUID(), BATCH],
    );
    return rows;
  }

  private async deliverBatch(batch: Claimed[], result: DrainResult): Promise<void> {
    const manager = this.source.manager;
    const alertFacts = await this.facts.ofAlerts(
      manager,
      batch.filter((b) => b.kind === 'alert').map((b) => b.id),
    );
    const digestFacts = await this.facts.ofDigests(
      manager,
      batch.filter((b) => b.kind === 'digest').map((b) => b.id),
    );
    const people: (Contact & { id: string })[] = await manager.query(
      `SELECT id, email, phone, full_name FROM app_user WHERE id = ANY($1)`,
      [[...new Set(batch.map((b) => b.user_id))]],
    );
    const contacts = new Map(people.map((u) => [u.id, u]));
    const ctx = { publicUrl: this.config.delivery.publicUrl, timeZone: this.config.tzName };
    const queue = [...batch];
    const worker = async (): Promise<void> => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const contact = contacts.get(row.user_id);
        const facts = alertFacts.get(row.id);
        const message: OutgoingMessage | null =
          row.kind === 'digest'
            ? digestMessage(digestFacts.get(row.id) ?? [], row.digest_date ?? '', ctx)
            : facts
              ? alertMessage(facts, ctx)
              : null;
        try {
          if (!message || !contact) throw new DeliveryError('the alert or the person is gone', true);
          await this.send(row, message, contact, facts?.level ?? 'digest', facts?.caseCode ?? null);
          await this.faults.afterSend(row.id);
        } catch (e) {
          if (!(e instanceof DeliveryError)) throw e;
          result[await this.recordFailure(row, e, contact)] += 1;
          continue;
        }
        await this.recordSent(row);
        result.sent += 1;
      }
    };
    // Every worker finishes before a fault is passed on: a dying process stops, it does not half-stop.
    const settled = await Promise.allSettled(Array.from({ length: CONCURRENCY }, worker));
    const fault = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (fault) throw fault.reason;
  }

  private async send(
    row: Claimed,
    message: OutgoingMessage,
    contact: Contact,
    level: string,
    caseCode: string | null,
  ): Promise<void> {
    if (row.channel === 'email') {
      if (!contact.email) throw new DeliveryError('the person has no e-mail address any more', true);
      await this.mail.send({ ...message, deliveryId: row.id, to: contact.email });
      return;
    }
    await this.webhook.send({
      ...message,
      deliveryId: row.id,
      level,
      userId: row.user_id,
      phone: contact.phone,
      caseCode,
      sentAt: this.clock.now(),
    });
  }

  // Only while the lease is ours: a holder whose lease ran out (and whose row went again) writes nothing.
  private async recordSent(row: Claimed): Promise<void> {
    await this.source.query(
      `UPDATE alert_delivery SET status = 'sent', sent_at = $3, locked_until = NULL, lease_id = NULL, last_error = NULL
        WHERE id = $1 AND lease_id = $2`,
      [row.id, row.lease_id, this.clock.now()],
    );
  }

  private async recordFailure(row: Claimed, e: DeliveryError, contact?: Contact): Promise<'retrying' | 'failed'> {
    const now = this.clock.now();
    const windowEnd = row.window_started_at.getTime() + RETRY_WINDOW_MS;
    const wait = e.retryAfterMs ?? backoffMs(row.attempts, Math.random());
    // The last try falls on the window's end: a server down for a whole day still gets its mail when it is back.
    const next = new Date(Math.min(now.getTime() + wait, windowEnd));
    const error = e.message.slice(0, 500);
    if (!e.permanent && now.getTime() < windowEnd) {
      await this.source.query(
        `UPDATE alert_delivery SET next_attempt_at = $3, locked_until = NULL, lease_id = NULL, last_error = $4
          WHERE id = $1 AND lease_id = $2`,
        [row.id, row.lease_id, next, error],
      );
      return 'retrying';
    }
    this.logger.warn({ msg: 'delivery failed', deliveryId: row.id, channel: row.channel, error });
    await inTransaction(this.source, async (tx) => {
      const [, updated] = await tx.query(
        `UPDATE alert_delivery SET status = 'failed', failed_at = $3, locked_until = NULL, lease_id = NULL, last_error = $4
          WHERE id = $1 AND lease_id = $2`,
        [row.id, row.lease_id, now, error],
      );
      if (updated === 0) return;
      // The school's supervisors hear in the app that someone did not get a message (and which), once per row.
      const about: { school_id: string; case_id: string | null; code: string | null }[] = await tx.query(
        `SELECT DISTINCT a.school_id, CASE WHEN $2 = 'alert' THEN a.case_id END AS case_id,
                CASE WHEN $2 = 'alert' THEN c.code END AS code
           FROM alert_delivery h JOIN alert a ON a.id = h.alert_id LEFT JOIN "case" c ON c.id = a.case_id
          WHERE (h.id = $1 AND h.kind = 'alert') OR h.digest_id = $1`,
        [row.id, row.kind],
      );
      const who = contact?.full_name ?? '?';
      const [channelVi, channelEn] =
        row.channel === 'email' ? ['thư điện tử', 'e-mail'] : ['tin nhắn', 'gateway message'];
      for (const a of about) {
        const what = a.code ? ` về hồ sơ ${a.code}` : row.kind === 'digest' ? ' (bản tổng hợp hằng ngày)' : '';
        const whatEn = a.code ? ` about case ${a.code}` : row.kind === 'digest' ? ' (daily digest)' : '';
        await this.alerts.raiseForSchool(tx, a.school_id, a.case_id, now, {
          level: 'delivery_failed',
          to: ['supervisors'],
          subject: 'Đồng Hành: không gửi được thông báo',
          text: (school) => [
            `Không gửi được ${channelVi} cảnh báo${what} tới ${who}: ${error} — ${school}`,
            `A ${channelEn} alert${whatEn} could not be delivered to ${who}: ${error} — ${school}`,
          ],
        });
      }
    });
    return 'failed';
  }
}

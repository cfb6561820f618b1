import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { DeliveryError } from './delivery-error';
import type { OutgoingMessage } from './delivery-message';

export type WebhookCall = OutgoingMessage & {
  deliveryId: string;
  level: string;
  userId: string;
  phone: string | null;
  caseCode: string | null;
  sentAt: Date;
};

// The JSON a gateway receives (README, "Alert delivery"): `id` is the delivery key, the same on every retry.
export type WebhookBody = {
  id: string;
  level: string;
  recipient: { userId: string; phone?: string };
  text: string;
  sms: string;
  caseCode: string | null;
  link: string;
  sentAt: string;
};

export const SIGNATURE_HEADER = 'X-DongHanh-Signature';
export const TIMESTAMP_HEADER = 'X-DongHanh-Timestamp';
const MAX_PAUSE_MS = 3600_000;

export const signBody = (body: string, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export abstract class WebhookSender {
  abstract send(call: WebhookCall): Promise<void>;
}

// Retry-After as seconds or as an HTTP date.
const retryAfterMs = (header: string | null, now: Date): number | undefined => {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now.getTime();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_PAUSE_MS) : undefined;
};

@Injectable()
export class HttpWebhookSender extends WebhookSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async send(call: WebhookCall): Promise<void> {
    const { webhookUrl, webhookSecret } = this.config.delivery;
    if (!webhookUrl || !webhookSecret) throw new DeliveryError('ALERT_WEBHOOK_URL is not set', false);
    const payload: WebhookBody = {
      id: call.deliveryId,
      level: call.level,
      recipient: { userId: call.userId, ...(call.phone ? { phone: call.phone } : {}) },
      text: call.chat,
      sms: call.sms,
      caseCode: call.caseCode,
      link: call.link,
      sentAt: call.sentAt.toISOString(),
    };
    // The body carries its time too, so the signature covers it: a receiver refuses a replayed old call.
    const body = JSON.stringify(payload);
    let response: Response;
    try {
      response = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [SIGNATURE_HEADER]: signBody(body, webhookSecret),
          [TIMESTAMP_HEADER]: payload.sentAt,
        },
        body,
        signal: AbortSignal.timeout(this.config.delivery.webhookTimeoutMs),
      });
    } catch (e) {
      throw new DeliveryError(
        `webhook unreachable: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500),
        false,
      );
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return;
    const status = response.status;
    const transient = status === 429 || status === 408 || status >= 500;
    throw new DeliveryError(
      `webhook answered ${status}`,
      !transient,
      status === 429 ? retryAfterMs(response.headers.get('retry-after'), call.sentAt) : undefined,
    );
  }
}

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { DeliveryError } from './delivery-error';
import type { OutgoingMessage } from './delivery-message';

export type Mail = OutgoingMessage & { deliveryId: string; to: string };

// The seam to the mail server, so the dispatcher can be driven by a test double in a unit test.
export abstract class MailSender {
  abstract send(mail: Mail): Promise<void>;
}

type SmtpFailure = { responseCode?: number; code?: string; message?: string };

// 5xx: the server refuses this message or address for good; 4xx and a broken connection pass.
export const classifySmtpError = (e: unknown): DeliveryError => {
  const f = (e ?? {}) as SmtpFailure;
  const what = `${f.code ?? 'SMTP'}${f.responseCode ? ` ${f.responseCode}` : ''}: ${f.message ?? String(e)}`.slice(
    0,
    500,
  );
  return new DeliveryError(what, f.responseCode !== undefined && f.responseCode >= 500);
};

@Injectable()
export class SmtpMailSender extends MailSender implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async send(mail: Mail): Promise<void> {
    const { smtpFrom } = this.config.delivery;
    try {
      await this.transporter().sendMail({
        from: smtpFrom ?? undefined,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The delivery key: a receiver (or a person) can tell a resend after a crash from a new message.
        messageId: `<${mail.deliveryId}@dong-hanh>`,
        headers: { 'X-DongHanh-Delivery': mail.deliveryId },
      });
    } catch (e) {
      throw classifySmtpError(e);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  // Pooled: a drain of thousands of messages reuses a few connections instead of one handshake each.
  private transporter(): Transporter {
    const { smtpUrl, smtpRequireTls, smtpVerifyTls } = this.config.delivery;
    if (!smtpUrl) throw new DeliveryError('SMTP_URL is not set', false);
    this.transport ??= createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 4,
      requireTLS: smtpRequireTls,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
      tls: { rejectUnauthorized: smtpVerifyTls },
    } as Parameters<typeof createTransport>[0]);
    return this.transport;
  }
}

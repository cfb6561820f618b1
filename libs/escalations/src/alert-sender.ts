import { Injectable, Logger } from '@nestjs/common';

export type OutgoingAlert = { id: string; recipient: string; subject: string; body: string };

// The one seam to a ward's mail or SMS gateway: provide another AlertSender, the sweep stays as it is.
export abstract class AlertSender {
  abstract send(message: OutgoingAlert): Promise<void>;
}

@Injectable()
export class LogAlertSender extends AlertSender {
  private readonly logger = new Logger(LogAlertSender.name);

  async send(message: OutgoingAlert): Promise<void> {
    this.logger.log({
      msg: 'alert sent (log only)',
      outboxId: message.id,
      recipient: message.recipient,
      subject: message.subject,
    });
  }
}

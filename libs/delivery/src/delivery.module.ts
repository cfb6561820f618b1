import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CalendarModule } from '@dh/calendar';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { NotificationsModule } from '@dh/notifications';
import { DeclaresProcessing } from '@dh/privacy';
import { AlertDelivery } from './alert-delivery.entity';
import { configuredChannels } from './delivery-channels';
import { DeliveryDispatcher } from './delivery-dispatcher.service';
import { DeliveryFacts } from './delivery-facts';
import { DeliveryFanOut } from './delivery-fan-out.service';
import { DeliveryFaults } from './delivery-faults';
import { DeliveryHealth } from './delivery-health';
import { DeliveryScheduler } from './delivery.scheduler';
import { DigestComposer } from './digest-composer.service';
import { MailSender, SmtpMailSender } from './mail-sender';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxService } from './outbox/outbox.service';
import { HttpWebhookSender, WebhookSender } from './webhook-sender';
import { DELIVERY_PROCESSING } from './delivery-processing';

// SchedulerRegistry comes from EscalationsModule's global ScheduleModule.forRoot(), as in CheckpointsModule.
// Alerts leaving the app: e-mail over SMTP and a gateway webhook (SMS, Zalo), immediate or in a daily digest.
@DeclaresProcessing(DELIVERY_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([AlertDelivery]),
    AuditModule,
    CalendarModule,
    EscalationsModule,
    IdentityModule,
    NotificationsModule,
  ],
  controllers: [OutboxController],
  providers: [
    { provide: MailSender, useClass: SmtpMailSender },
    { provide: WebhookSender, useClass: HttpWebhookSender },
    DeliveryFaults,
    DeliveryFacts,
    DeliveryFanOut,
    DigestComposer,
    DeliveryDispatcher,
    DeliveryHealth,
    DeliveryScheduler,
    OutboxService,
  ],
  exports: [DeliveryDispatcher, DeliveryHealth],
})
export class DeliveryModule implements OnModuleInit {
  private readonly logger = new Logger(DeliveryModule.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    const channels = configuredChannels(this.config);
    this.logger.log(
      channels.length
        ? `alerts leave the app by ${channels.join(' and ')}`
        : 'alerts stay in the app (set SMTP_URL or ALERT_WEBHOOK_URL to send them)',
    );
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '@dh/notifications';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../alert-delivery.entity';
import type { DeliveryView, RetryAnswer } from '../outbox.service';

export class DeliveryViewDto implements DeliveryView {
  @ApiProperty({ format: 'uuid', description: 'the delivery key: Message-ID and the webhook’s id' }) id!: string;
  @ApiProperty({ enum: ['alert', 'digest'] }) kind!: 'alert' | 'digest';
  @ApiProperty({ enum: DELIVERY_CHANNELS, enumName: 'DeliveryChannel' }) channel!: DeliveryChannel;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() userFullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the alert’s level; null for a digest' })
  alertLevel!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseCode!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it is tried next (pending)' }) nextAttemptAt!: string;
}

export class RetryAnswerDto implements RetryAnswer {
  @ApiProperty({ description: 'how many failed messages go again' }) retried!: number;
}

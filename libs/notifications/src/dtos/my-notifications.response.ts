import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_CHANNELS,
  DELIVERY_MODES,
  NOTIFICATION_LEVELS,
  type DeliveryChannel,
  type DeliveryMode,
  type NotificationLevel,
} from '../notification-levels';
import type { MyNotifications, NotificationChoiceView } from '../my-notifications.service';

export class NotificationChoiceViewDto implements NotificationChoiceView {
  @ApiProperty({ enum: DELIVERY_CHANNELS, enumName: 'DeliveryChannel' }) channel!: DeliveryChannel;
  @ApiProperty({ enum: NOTIFICATION_LEVELS, enumName: 'NotificationLevel' }) level!: NotificationLevel;
  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode' }) mode!: DeliveryMode;
  @ApiProperty({ description: 'always immediate (critical risk, protection): cannot be changed' }) locked!: boolean;
}

export class MyNotificationsDto implements MyNotifications {
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'mobile, +84…' }) phone!: string | null;
  @ApiProperty({ type: [NotificationChoiceViewDto], description: 'one per channel and level' })
  choices!: NotificationChoiceViewDto[];
}

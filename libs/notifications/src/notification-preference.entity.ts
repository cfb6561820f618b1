import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryChannel, DeliveryMode, NotificationLevel } from './notification-levels';

// A person's choice for one channel and one kind of alert; no row means immediate.
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text')
  channel!: DeliveryChannel;

  @PrimaryColumn('text')
  level!: NotificationLevel;

  @Column('text')
  mode!: DeliveryMode;
}

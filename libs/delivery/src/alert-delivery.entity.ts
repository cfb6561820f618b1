import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryChannel } from '@dh/notifications';

export const DELIVERY_STATUSES = ['pending', 'held', 'digested', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryKind = 'alert' | 'digest';

// One message that leaves the app (migration 038). pending: to send at next_attempt_at; held: waits for the
// person's digest; digested: went out inside the digest `digestId`; sent; failed: gave up, for the admin to retry.
@Entity('alert_delivery')
export class AlertDelivery {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: DeliveryKind;

  @Column('uuid', { name: 'alert_id', nullable: true })
  alertId!: string | null;

  @Column('date', { name: 'digest_date', nullable: true })
  digestDate!: string | null;

  @Column('uuid', { name: 'digest_id', nullable: true })
  digestId!: string | null;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId!: string | null;

  @Column('text')
  channel!: DeliveryChannel;

  @Column('text')
  status!: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('uuid', { name: 'lease_id', nullable: true })
  leaseId!: string | null;

  // Retries stop 24 hours after this: the row's creation, or the admin's last retry.
  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
}

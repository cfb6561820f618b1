import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@dh/database';
import { UserService } from '@dh/identity';
import type { UpdateMyNotificationsDto } from './dtos/my-notifications.dto';
import {
  ALWAYS_IMMEDIATE,
  DELIVERY_CHANNELS,
  NOTIFICATION_LEVELS,
  type DeliveryChannel,
  type DeliveryMode,
  type NotificationLevel,
} from './notification-levels';
import { NotificationPreference } from './notification-preference.entity';

export type NotificationChoiceView = {
  channel: DeliveryChannel;
  level: NotificationLevel;
  mode: DeliveryMode;
  locked: boolean;
};
export type MyNotifications = { email: string | null; phone: string | null; choices: NotificationChoiceView[] };

// A person's own address, phone and choices. A choice of 'immediate' is stored as no row (the default), so the
// table holds only what departs from it.
@Injectable()
export class MyNotificationsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly users: UserService,
  ) {}

  read(userId: string): Promise<MyNotifications> {
    return this.view(this.source.manager, userId);
  }

  update(userId: string, dto: UpdateMyNotificationsDto): Promise<MyNotifications> {
    return inTransaction(this.source, async (tx) => {
      await this.users.setContact(tx, userId, { email: dto.email, phone: dto.phone });
      const repo = tx.getRepository(NotificationPreference);
      for (const { channel, level, mode } of dto.choices ?? []) {
        if (mode === 'immediate') await repo.delete({ userId, channel, level });
        else await repo.upsert({ userId, channel, level, mode }, ['userId', 'channel', 'level']);
      }
      return this.view(tx, userId);
    });
  }

  private async view(tx: EntityManager, userId: string): Promise<MyNotifications> {
    const contact = await this.users.contactOf(tx, userId);
    const stored = await tx.getRepository(NotificationPreference).findBy({ userId });
    const choices = NOTIFICATION_LEVELS.flatMap((level) =>
      DELIVERY_CHANNELS.map((channel): NotificationChoiceView => {
        const locked = ALWAYS_IMMEDIATE.includes(level);
        const row = stored.find((p) => p.channel === channel && p.level === level);
        return { channel, level, mode: locked ? 'immediate' : (row?.mode ?? 'immediate'), locked };
      }),
    );
    return { ...contact, choices };
  }
}

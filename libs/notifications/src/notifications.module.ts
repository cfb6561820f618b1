import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { MyNotificationsController } from './my-notifications.controller';
import { MyNotificationsService } from './my-notifications.service';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationRouting } from './notification-routing';
import { NOTIFICATIONS_PROCESSING } from './notifications-processing';

// People's choices of how alerts reach them outside the app; the delivery asks it where each alert goes.
@DeclaresProcessing(NOTIFICATIONS_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([NotificationPreference]), IdentityModule],
  controllers: [MyNotificationsController],
  providers: [NotificationRouting, MyNotificationsService],
  exports: [NotificationRouting],
})
export class NotificationsModule {}

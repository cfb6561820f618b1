import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationRouting } from './notification-routing';

// People's choices of how alerts reach them outside the app; the delivery asks it where each alert goes.
@Module({
  imports: [TypeOrmModule.forFeature([NotificationPreference])],
  providers: [NotificationRouting],
  exports: [NotificationRouting],
})
export class NotificationsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { DeclaresProcessing } from '@dh/privacy';
import { CalendarModule } from '../calendar.module';
import { CalendarAdminController } from './calendar-admin.controller';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarDay, CalendarYear } from './calendar-day.entity';
import { CALENDAR_PROCESSING } from './calendar-processing';

// The working calendar kept in the app: its admin routes, and the years it loads into the calendar at boot.
@DeclaresProcessing(CALENDAR_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([CalendarYear, CalendarDay]), AuditModule, CalendarModule],
  controllers: [CalendarAdminController],
  providers: [CalendarAdminService],
})
export class CalendarAdminModule {}

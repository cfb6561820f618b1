import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { CalendarController } from './calendar.controller';
import { loadOverrides } from './calendar-overrides';
import { WorkingCalendar } from './working-calendar';

// Loaded and validated at boot: a malformed override file stops the start, naming the file and the entry.
@Global()
@Module({
  controllers: [CalendarController],
  providers: [
    {
      provide: WorkingCalendar,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new WorkingCalendar({ timeZone: c.tzName, overrides: loadOverrides(c.holidaysDir) }),
    },
  ],
  exports: [WorkingCalendar],
})
export class CalendarModule {}

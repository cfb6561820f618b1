import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { CalendarChangeHooks } from './calendar-change-hooks';
import { DEFAULT_HOLIDAYS_DIR, loadOverrides } from './calendar-overrides';
import { DEFAULT_TIME_ZONE, WorkingCalendar } from './working-calendar';

// The app's validated config when there is one (its HOLIDAYS_DIR and TZ_NAME, or what a test passed);
// the environment itself when the module is used on its own. Loaded at boot: a malformed override
// file stops the start, naming the file and the entry.
export const createWorkingCalendar = (config?: AppConfig): WorkingCalendar =>
  new WorkingCalendar({
    timeZone: config?.tzName ?? process.env.TZ_NAME ?? DEFAULT_TIME_ZONE,
    overrides: loadOverrides(config?.holidaysDir ?? process.env.HOLIDAYS_DIR ?? DEFAULT_HOLIDAYS_DIR),
  });

@Global()
@Module({
  providers: [
    { provide: WorkingCalendar, inject: [{ token: APP_CONFIG, optional: true }], useFactory: createWorkingCalendar },
    CalendarChangeHooks,
  ],
  exports: [WorkingCalendar, CalendarChangeHooks],
})
export class CalendarModule {}

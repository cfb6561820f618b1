export * from './calendar-change-hooks';
export * from './calendar-overrides';
export * from './calendar.module';
export * from './local-time';
export * from './vietnam-holidays';
export * from './working-calendar';
export * from './year-schedule';
export * from './calendar-admin/calendar-admin.module';

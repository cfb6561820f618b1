export * from './calendar-overrides';
export * from './calendar.module';
export * from './working-calendar';
export * from './local-time';

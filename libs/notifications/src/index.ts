export * from './notification-levels';
export * from './notification-preference.entity';
export * from './notification-routing';
export * from './notifications.module';

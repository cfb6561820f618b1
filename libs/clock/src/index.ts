export * from './clock';
export * from './clock.module';
export * from './interval-job';

export * from './reports.module';
export * from './ward-figures.service';
export * from './report-clock.service';
export * from './report-figures';

export * from './reports.module';
export * from './ward-figures.service';

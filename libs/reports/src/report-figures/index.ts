export * from './report-figures.service';
export * from './report-figures.types';
export * from './report-period';

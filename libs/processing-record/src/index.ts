export * from './processing-record.module';
export * from './processing-record.service';

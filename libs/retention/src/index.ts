export * from './legal-hold.service';
export * from './retention-due';
export * from './retention-policy';
export * from './retention.exception';
export * from './retention.module';
export * from './retention.service';

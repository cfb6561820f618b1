export * from './admin-audit-event.entity';
export * from './admin-audit.service';
export * from './audit-event.entity';
export * from './audit-hash';
export * from './audit.module';
export * from './audit.service';
export * from './chain-checks';
export * from './confidential-payload';

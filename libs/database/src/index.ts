export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './run-migrations';
export * from './transaction';
export * from './runtime-grants';
export * from './retrying-query-runner';
export * from './unique-violation';

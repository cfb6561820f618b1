export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './run-migrations';
export * from './transaction';
export * from './unique-violation';

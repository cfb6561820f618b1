import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

export type DatabaseTarget = { url: string; embedded: boolean };

export const dataSourceOptions = (target: DatabaseTarget): DataSourceOptions => ({
  type: 'postgres',
  url: target.url,
  migrations,
  migrationsTransactionMode: 'each',
  synchronize: false,
  // A database that does not answer fails a request after 10 s (a 503) instead of holding it until the OS gives up.
  extra: { max: 10, connectionTimeoutMillis: 10_000 },
  logging: ['error', 'migration'],
});

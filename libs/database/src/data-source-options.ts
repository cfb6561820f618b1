import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

export type DatabaseTarget = { url: string; embedded: boolean };

export const dataSourceOptions = (target: DatabaseTarget): DataSourceOptions => ({
  type: 'postgres',
  url: target.url,
  migrations,
  migrationsTransactionMode: 'each',
  synchronize: false,
  // The embedded socket server serves one connection at a time; more would be refused. On a server, a database
  // that does not answer fails a request after 10 s (a 503) instead of holding it until the OS gives up.
  extra: target.embedded ? { max: 1 } : { max: 10, connectionTimeoutMillis: 10_000 },
  logging: ['error', 'migration'],
});

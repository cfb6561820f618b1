import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

export type DatabaseTarget = { url: string; embedded: boolean };

export const dataSourceOptions = (target: DatabaseTarget): DataSourceOptions => ({
  type: 'postgres',
  url: target.url,
  migrations,
  migrationsTransactionMode: 'each',
  synchronize: false,
  // The embedded socket server serves one connection at a time; more would be refused.
  extra: { max: target.embedded ? 1 : 10 },
  logging: ['error', 'migration'],
});

import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export const runMigrations = async (url: string, embedded = false): Promise<string[]> => {
  const source = new DataSource({ ...dataSourceOptions({ url, embedded }), logging: ['error'] });
  await source.initialize();
  try {
    const ran = await source.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await source.destroy();
  }
};

export const revertAllMigrations = async (url: string): Promise<number> => {
  const source = new DataSource({ ...dataSourceOptions({ url, embedded: false }), logging: ['error'] });
  await source.initialize();
  let reverted = 0;
  try {
    while ((await source.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 0) {
      await source.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
  } finally {
    await source.destroy();
  }
  return reverted;
};

import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { assertRuntimeOwnsNothing, grantRuntimeRole, RuntimeGrants } from './runtime-grants';

export type MigrationRun = { ran: string[]; owner: string; runtime: string; grants: RuntimeGrants | null };

export type MigrationTarget = {
  // DATABASE_URL: the role the application runs as.
  runtimeUrl: string;
  // MIGRATION_DATABASE_URL: the owner; unset, the runtime role migrates (one role: tests, embedded, small installs).
  migrationUrl?: string | null;
};

export class MigrationOwnerNeededError extends Error {
  constructor(runtime: string, owner: string, pending: number) {
    super(
      `${pending} migration(s) pending, and the schema belongs to "${owner}", not to DATABASE_URL's role "${runtime}": ` +
        `set MIGRATION_DATABASE_URL to the owner's URL, or run \`npm run cli -- migrate\` with it, then start again.`,
    );
  }
}

const roleOf = async (url: string): Promise<string> => {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(`SELECT current_user AS name`)).rows[0].name;
  } finally {
    await c.end();
  }
};

const pendingCount = async (source: DataSource): Promise<number> => {
  const [{ n }] = await source.query(
    `SELECT count(*)::int AS n FROM ${source.options.migrationsTableName ?? 'migrations'}`,
  );
  return source.migrations.length - n;
};

// Pending migrations run as the owner; then, when the application runs as another role, that role is granted
// what it needs (runtime-grants.ts), on every run, so a `migrate` also repairs the grants of a new runtime role.
// With one role nothing is granted: the owner already has everything, the split's guarantee is then not given.
export const migrateDatabase = async (target: MigrationTarget): Promise<MigrationRun> => {
  const source = new DataSource({
    ...dataSourceOptions({ url: target.migrationUrl ?? target.runtimeUrl, embedded: false }),
    logging: ['error'],
  });
  await source.initialize();
  try {
    const [{ me, owner }] = await source.query(
      `SELECT current_user AS me, (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass('migrations')) AS owner`,
    );
    // A split installation started without the owner's URL: never let the runtime role create (and so own) tables.
    if (!target.migrationUrl && owner && owner !== me) {
      const [{ member }] = await source.query(`SELECT pg_has_role(current_user, $1, 'USAGE') AS member`, [owner]);
      const pending = member ? 0 : await pendingCount(source);
      if (pending > 0) throw new MigrationOwnerNeededError(me, owner, pending);
      if (!member) return { ran: [], owner, runtime: me, grants: null };
    }
    const runtime = target.migrationUrl ? await roleOf(target.runtimeUrl) : me;
    if (runtime !== me) await assertRuntimeOwnsNothing(source.manager, runtime);
    const ran = await source.runMigrations({ transaction: 'each' });
    const grants = runtime === me ? null : await source.transaction((tx) => grantRuntimeRole(tx, runtime));
    return { ran: ran.map((m) => m.name), owner: me, runtime, grants };
  } finally {
    await source.destroy();
  }
};

export const runMigrations = async (url: string): Promise<string[]> => (await migrateDatabase({ runtimeUrl: url })).ran;

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

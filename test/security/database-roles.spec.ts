import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runCli } from '../../apps/cli/src/main';
import { buildWorld, World } from '../support/fixtures';
import { historyOf, move, openCase, PAYLOADS, verifyOf } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { adminUrl, asAdmin, TestDatabase } from '../setup/test-database';

// Roles are cluster-wide: unique names, dropped at the end.
const suffix = randomBytes(4).toString('hex');
const OWNER = `dh_owner_${suffix}`;
const RUNTIME = `dh_app_${suffix}`;
const DB_NAME = `dh_roles_${suffix}`;

const urlAs = (role: string): string => {
  const url = new URL(adminUrl());
  url.username = role;
  url.pathname = `/${DB_NAME}`;
  return url.toString();
};

// What the runtime role gets from a statement it should not be allowed: the error, or null if it went through.
// Each attempt is rolled back, so one that succeeds (on a branch without the split) leaves nothing behind.
const attempt = async (c: Client, sql: string): Promise<{ code: string; message: string } | null> => {
  await c.query('BEGIN');
  try {
    await c.query(sql);
    return null;
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  } finally {
    await c.query('ROLLBACK');
  }
};

describe('the application database role cannot change history', () => {
  let t: TestApp;
  let w: World;
  let runtime: Client;
  const database: TestDatabase = {
    url: urlAs(RUNTIME),
    name: DB_NAME,
    drop: () => asAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)).then(() => undefined),
  };

  beforeAll(async () => {
    await asAdmin(async (c) => {
      await c.query(`CREATE ROLE "${OWNER}" LOGIN`);
      await c.query(`CREATE ROLE "${RUNTIME}" LOGIN`);
      await c.query(`CREATE DATABASE "${DB_NAME}" OWNER "${OWNER}"`);
    });
    // What a deployment whose app role ran the migrations had to give it: the split must hold even so.
    await asAdmin((c) => c.query(`GRANT CREATE ON SCHEMA public TO "${RUNTIME}"`), DB_NAME);
    t = await startTestApp({ DATABASE_URL: urlAs(RUNTIME), MIGRATION_DATABASE_URL: urlAs(OWNER) }, { database });
    w = await buildWorld(t.app);
    runtime = new Client({ connectionString: urlAs(RUNTIME) });
    await runtime.connect();
  });

  afterAll(async () => {
    await runtime?.end();
    await t?.close();
    await database.drop();
    await asAdmin(async (c) => {
      await c.query(`DROP ROLE IF EXISTS "${RUNTIME}"`);
      await c.query(`DROP ROLE IF EXISTS "${OWNER}"`);
    });
  });

  // The append-only tables: every table the append-only trigger guards, which includes the two audit chains.
  const appendOnlyTables = async (): Promise<string[]> =>
    (
      await runtime.query(`
        SELECT DISTINCT c.relname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid
         WHERE p.proname = 'audit_event_append_only' ORDER BY 1`)
    ).rows.map((r) => r.name);

  it('runs the API as the runtime role, which owns nothing, and every ordinary step works', async () => {
    const [who] = await t.app.get(DataSource).query(`SELECT current_user AS name`);
    expect(who.name).toBe(RUNTIME);
    const owned = await runtime.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [RUNTIME],
    );
    expect(owned.rows).toEqual([]);
    const { rows: owners } = await runtime.query(
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(owners).toEqual([{ tableowner: OWNER }]);

    const tv = w.users.counsellorA;
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('medium'));
    c = await move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    expect(c.state).toBe('monitoring');
    const items = await historyOf(t, w.users.supervisorA, c.id);
    expect(items.map((i) => i.type)).toEqual(['CASE_OPENED', 'START_ASSESSMENT', 'COMPLETE_ASSESSMENT', 'SUBMIT_PLAN']);
    expect(await verifyOf(t, w.users.supervisorA, c.id)).toEqual({ valid: true, events: 5 });
    // An admin's change writes the admin chain as the same role.
    await t
      .http()
      .post(`/api/admin/users/${w.users.counsellorB.id}/disable`)
      .set({ Authorization: `Bearer ${w.users.adminW.token}` })
      .expect(204);
    expect((await runtime.query(`SELECT count(*)::int AS n FROM admin_audit_event`)).rows[0].n).toBeGreaterThan(0);
  });

  it('refuses the runtime role DELETE, UPDATE, TRUNCATE, DISABLE TRIGGER, GRANT and DROP on every audit table', async () => {
    const tables = await appendOnlyTables();
    expect(tables).toEqual(
      expect.arrayContaining(['audit_event', 'admin_audit_event', 'audit_checkpoint', 'audit_checkpoint_chain']),
    );
    for (const table of tables) {
      // A column the table has, so the UPDATE reaches the privilege check rather than failing on its name.
      const {
        rows: [{ name: column }],
      } = await runtime.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position LIMIT 1`,
        [table],
      );
      const refused = {
        delete: await attempt(runtime, `DELETE FROM ${table}`),
        update: await attempt(runtime, `UPDATE ${table} SET "${column}" = "${column}"`),
        truncate: await attempt(runtime, `TRUNCATE ${table}`),
        disableTrigger: await attempt(runtime, `ALTER TABLE ${table} DISABLE TRIGGER USER`),
        drop: await attempt(runtime, `DROP TABLE ${table} CASCADE`),
      };
      // Refused by the privilege system, not by the trigger (which the owner could disable).
      for (const [what, err] of Object.entries(refused)) {
        expect({ table, what, err }).toEqual({
          table,
          what,
          err: expect.objectContaining({
            code: '42501',
            message: expect.stringMatching(/permission denied|must be owner/),
          }),
        });
      }
      // GRANT without a grant option is at most a warning: what matters is that nothing was granted.
      await attempt(runtime, `GRANT ALL ON ${table} TO "${RUNTIME}"`);
      await runtime.query(`GRANT DELETE, UPDATE, TRUNCATE ON ${table} TO "${RUNTIME}"`).catch(() => undefined);
      const { rows } = await runtime.query(
        `SELECT p AS privilege, has_table_privilege($1, $2, p) AS held FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER','REFERENCES']) p`,
        [RUNTIME, table],
      );
      expect({ table, held: rows.filter((r) => r.held).map((r) => r.privilege) }).toEqual({
        table,
        held: ['SELECT', 'INSERT'],
      });
    }
  });

  it('has SELECT, INSERT, UPDATE, DELETE on every other table, and only SELECT on the migrations list', async () => {
    const audit = await appendOnlyTables();
    const { rows } = await runtime.query(
      `
      SELECT tablename AS name,
             has_table_privilege($1, format('%I', tablename), 'SELECT, INSERT, UPDATE, DELETE') AS dml,
             has_table_privilege($1, format('%I', tablename), 'TRUNCATE') AS truncate
        FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
      [RUNTIME],
    );
    const others = rows.filter((r) => !audit.includes(r.name) && r.name !== 'migrations');
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter((r) => !r.dml || r.truncate)).toEqual([]);
    expect(await attempt(runtime, `DELETE FROM migrations`)).toMatchObject({ code: '42501' });
  });

  it('lets the app start with the runtime role alone once `migrate` has run as the owner', async () => {
    await t.close();
    const saved = { ...process.env };
    Object.assign(process.env, {
      DATABASE_URL: urlAs(RUNTIME),
      MIGRATION_DATABASE_URL: urlAs(OWNER),
      DATA_DIR: t.config.dataDir,
      JWT_SECRET: t.config.jwtSecret,
      DATA_KEY: t.config.dataKey,
    });
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      expect(await runCli(['migrate'])).toBe(0);
    } finally {
      spy.mockRestore();
      process.env = saved;
    }
    expect(out.join('')).toContain(OWNER);
    t = await startTestApp(
      { DATABASE_URL: urlAs(RUNTIME), JWT_SECRET: t.config.jwtSecret, DATA_KEY: t.config.dataKey },
      { database },
    );
    const [who] = await t.app.get(DataSource).query(`SELECT current_user AS name`);
    expect(who.name).toBe(RUNTIME);
    const list = await t
      .http()
      .get(`/api/cases`)
      .set({ Authorization: `Bearer ${w.users.supervisorA.token}` })
      .expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
  });
});

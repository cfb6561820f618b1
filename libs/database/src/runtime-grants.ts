import { EntityManager } from 'typeorm';

// Tables whose rows are history: the runtime role may read and append, nothing else. Any table the
// append-only trigger guards is one too, so a later audit table is covered by adding its trigger alone;
// a name here that no migration has created yet is simply skipped.
export const APPEND_ONLY_TABLES = ['audit_event', 'admin_audit_event', 'audit_checkpoint'];
const APPEND_ONLY_TRIGGER_FUNCTION = 'audit_event_append_only';

const ORDINARY = 'SELECT, INSERT, UPDATE, DELETE';
const APPEND_ONLY = 'SELECT, INSERT';
// TypeORM reads its list at start to see that nothing is pending; only the owner writes it.
const MIGRATIONS_TABLE = 'migrations';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export class RuntimeRoleOwnsTablesError extends Error {
  constructor(runtime: string, owner: string, tables: string[]) {
    super(
      `DATABASE_URL's role "${runtime}" owns ${tables.length} table(s) (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}), ` +
        `so it could rewrite the audit trail whatever it is granted. As a superuser, in this database: ` +
        `REASSIGN OWNED BY ${ident(runtime)} TO ${ident(owner)}; then start again.`,
    );
  }
}

// Checked before migrating too: an installation that ran as one role must hand its tables to the owner first.
export const assertRuntimeOwnsNothing = async (tx: EntityManager, runtime: string): Promise<void> => {
  const owned: { name: string; owner: string }[] = await tx.query(
    `SELECT c.relname AS name, current_user AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND pg_get_userbyid(c.relowner) = $1 ORDER BY 1`,
    [runtime],
  );
  if (owned.length)
    throw new RuntimeRoleOwnsTablesError(
      runtime,
      owned[0].owner,
      owned.map((r) => r.name),
    );
};

export type RuntimeGrants = { role: string; ordinary: number; appendOnly: string[]; sequences: number };

// Run as the owner after every migration run, not inside each migration: what the runtime role may do is
// recomputed from the schema as it now is, so a table any migration creates (today's or a later one) is
// granted without that migration having to remember it, and the audit tables are the named exceptions.
// Everything is revoked first, then granted, in one transaction: a privilege given by hand is taken back.
export const grantRuntimeRole = async (tx: EntityManager, runtime: string): Promise<RuntimeGrants> => {
  await assertRuntimeOwnsNothing(tx, runtime);
  const tables: { name: string; appendOnly: boolean }[] = await tx.query(
    `SELECT c.relname AS name,
            c.relname = ANY($1) OR EXISTS (
              SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = c.oid AND p.proname = $2
            ) AS "appendOnly"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [APPEND_ONLY_TABLES, APPEND_ONLY_TRIGGER_FUNCTION],
  );
  // Sequences behind serial or identity columns: the runtime role needs them to insert (not the migrations list's).
  const sequences: { name: string; owner: string | null }[] = await tx.query(
    `SELECT s.relname AS name, t.relname AS owner
       FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class t ON t.oid = d.refobjid
      WHERE n.nspname = current_schema() AND s.relkind = 'S' ORDER BY 1`,
  );

  const role = ident(runtime);
  await tx.query(`GRANT USAGE ON SCHEMA ${ident((await tx.query(`SELECT current_schema() AS s`))[0].s)} TO ${role}`);
  for (const t of tables) {
    const privileges = t.name === MIGRATIONS_TABLE ? 'SELECT' : t.appendOnly ? APPEND_ONLY : ORDINARY;
    await tx.query(`REVOKE ALL ON TABLE ${ident(t.name)} FROM ${role}`);
    await tx.query(`GRANT ${privileges} ON TABLE ${ident(t.name)} TO ${role}`);
  }
  let granted = 0;
  for (const s of sequences) {
    await tx.query(`REVOKE ALL ON SEQUENCE ${ident(s.name)} FROM ${role}`);
    if (s.owner === MIGRATIONS_TABLE) continue;
    await tx.query(`GRANT USAGE, SELECT ON SEQUENCE ${ident(s.name)} TO ${role}`);
    granted += 1;
  }
  const appendOnly = tables.filter((t) => t.appendOnly).map((t) => t.name);
  return {
    role: runtime,
    ordinary: tables.filter((t) => !t.appendOnly && t.name !== MIGRATIONS_TABLE).length,
    appendOnly,
    sequences: granted,
  };
};

import { Client } from 'pg';
import { SealedRegistry } from '@dh/crypto';
import { TestApp } from './test-app';

// What the database holds sealed that no module declared (a column, an event's payload field), and what is declared
// but not in the schema. Sealed values are found by their prefix (FieldCipher: `dh1:<key id>:`).
export const sealedNotDeclared = async (t: TestApp, pg: Client) => {
  const registry = t.app.get(SealedRegistry);
  const declared = new Set(
    registry.sealedTables().flatMap((s) => Object.keys(s.columns).map((c) => `${s.table}.${c}`)),
  );
  const textColumns: { table_name: string; column_name: string }[] = (
    await pg.query(
      `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') ORDER BY table_name, column_name`,
    )
  ).rows;
  const inSchema = new Set(textColumns.map((c) => `${c.table_name}.${c.column_name}`));
  const sealed: string[] = [];
  for (const { table_name: table, column_name: column } of textColumns) {
    const sql = `SELECT EXISTS (SELECT 1 FROM "${table}" WHERE "${column}" LIKE 'dh1:%') AS found`;
    const [{ found }] = (await pg.query(sql)).rows;
    if (found) sealed.push(`${table}.${column}`);
  }
  const payloads = registry.sealedPayloads();
  const sealedFields: { field: string }[] = (
    await pg.query(
      `SELECT DISTINCT e.type || '.' || p.key AS field FROM audit_event e, jsonb_each(e.payload) p
     WHERE jsonb_typeof(p.value) = 'string' AND p.value #>> '{}' LIKE 'dh1:%' ORDER BY 1`,
    )
  ).rows;
  return {
    sealed,
    columns: sealed.filter((c) => !declared.has(c)),
    payloadFields: sealedFields
      .map((r) => r.field)
      .filter((f) => {
        const [type, ...field] = f.split('.');
        return !(payloads[type] ?? []).includes(field.join('.'));
      }),
    notInSchema: [...declared].filter((c) => !inSchema.has(c)),
  };
};

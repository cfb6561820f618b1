import { DataSource, EntityManager } from 'typeorm';
import { inWardCondition } from '@dh/identity';
import { openClocksJson } from '@dh/escalations';
import { CaseEntity, learnerKnownFromRow } from '../case.entity';

// One case row, written by hand: it is read on every transition and every case page, where TypeORM's query
// building and hydration cost more than the query itself. The columns come from the entity's metadata, so a new
// column is read without touching this; pg's own parsing of uuid, text, int, boolean, jsonb and timestamptz gives
// the values TypeORM would.
export type CaseRowRead = {
  id: string;
  schools: string[]; // the caller's schools for case.read
  ward: string | null; // their ward, for cases referred to it
  lock: boolean; // FOR UPDATE, with the chain's head (a writer appends after it)
  nameSchools: string[] | null; // with the names and open clocks a view shows (null: without)
};

export type CaseRowFacts = { learner_name: string | null; assignee_name: string | null; open_clocks: unknown[] };

const statements = new WeakMap<DataSource, Map<string, string>>();

const statementOf = (source: DataSource, read: CaseRowRead): string => {
  const key = `${read.lock}:${read.nameSchools !== null}:${read.ward !== null}`;
  const known = statements.get(source) ?? new Map<string, string>();
  statements.set(source, known);
  const cached = known.get(key);
  if (cached) return cached;
  const columns = source
    .getMetadata(CaseEntity)
    .columns.filter((c) => c.isSelect || (read.lock && c.databaseName.startsWith('audit_head_')))
    .map((c) => `c.${c.databaseName} AS "${c.propertyName}"`);
  if (read.nameSchools !== null) {
    columns.push(
      `(SELECT l.full_name FROM learner l WHERE l.id = c.learner_id AND l.school_id = ANY($${read.ward ? 4 : 3}::uuid[])) AS learner_name`,
      '(SELECT u.full_name FROM app_user u WHERE u.id = c.assignee_id) AS assignee_name',
      `${openClocksJson('c.id')} AS open_clocks`,
    );
  }
  const ward = read.ward
    ? ` OR (c.referred_to_ward_at IS NOT NULL AND ${inWardCondition('c.school_id', '$3::uuid')})`
    : '';
  const sql = `SELECT ${columns.join(', ')} FROM "case" c
    WHERE c.id = $1 AND (c.school_id = ANY($2::uuid[])${ward})${read.lock ? ' FOR UPDATE OF c' : ''}`;
  known.set(key, sql);
  return sql;
};

export const readCaseRow = async (
  manager: EntityManager,
  read: CaseRowRead,
): Promise<{ row: CaseEntity; facts: CaseRowFacts } | null> => {
  const params: unknown[] = [read.id, read.schools];
  if (read.ward) params.push(read.ward);
  if (read.nameSchools !== null) params.push(read.nameSchools);
  const [found] = await manager.query<Record<string, unknown>[]>(statementOf(manager.connection, read), params);
  if (!found) return null;
  const { learner_name, assignee_name, open_clocks, ...columns } = found;
  const row = Object.assign(new CaseEntity(), columns);
  learnerKnownFromRow(row);
  return { row, facts: { learner_name, assignee_name, open_clocks } as CaseRowFacts };
};

import { EntityManager } from 'typeorm';
import { RECORD_SEALED_COLUMNS, RecordTable } from './sealed-columns';

// Which of the case's records (assessment, plan, session, contact, follow-up, closure, referral) each id names: the
// record an attachment belongs to. Ids of another case, or of nothing, are not in the answer.
export const recordTablesOf = async (
  tx: EntityManager,
  caseId: string,
  ids: string[],
): Promise<Map<string, RecordTable>> => {
  if (!ids.length) return new Map();
  const union = (Object.keys(RECORD_SEALED_COLUMNS) as RecordTable[])
    .map((t) => `SELECT id, '${t}' AS t FROM "${t}" WHERE id = ANY($1) AND case_id = $2`)
    .join(' UNION ALL ');
  const found: { id: string; t: RecordTable }[] = await tx.query(union, [ids, caseId]);
  return new Map(found.map((r) => [r.id, r.t]));
};

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lastEnteredStage } from '@dh/audit';
import { overdueCondition } from '@dh/escalations';

// Cases and distinct learners per school and key: what a ward report counts and masks.
export type CaseCountRow = { school_id: string; key: string; n: number; learners: number };
export type OpenCaseKey = 'all' | 'stage' | 'risk' | 'area' | 'channel';

const OPEN = `split_part(c.state, '.', 1) <> 'closed'`;
const KEYS: Record<OpenCaseKey, { key: string; from: string }> = {
  all: { key: `'all'`, from: `"case" c` },
  stage: { key: `split_part(c.state, '.', 1)`, from: `"case" c` },
  risk: { key: 'c.risk_level', from: `"case" c` },
  area: { key: `a->>'code'`, from: `"case" c CROSS JOIN LATERAL jsonb_array_elements(c.areas) a` },
  channel: { key: 'c.channel', from: `"case" c` },
};

// Aggregate counts of cases for the reports library, which never reads a case row itself.
@Injectable()
export class CaseFiguresService {
  constructor(@InjectDataSource() private readonly source: DataSource) {}

  // Open cases of these schools counted by a key. A report whose learner is not named yet counts as a
  // learner of its own (the cell is never shown smaller than it is).
  async openCounts(schoolIds: string[], by: OpenCaseKey): Promise<CaseCountRow[]> {
    if (schoolIds.length === 0) return [];
    const { key, from } = KEYS[by];
    return this.source.query(
      `SELECT c.school_id, ${key} AS key, count(*)::int AS n, count(DISTINCT coalesce(c.learner_id, c.id))::int AS learners
         FROM ${from} WHERE c.school_id = ANY($1) AND ${OPEN} GROUP BY 1, 2`,
      [schoolIds],
    );
  }

  // Cases that are closed now and whose latest entry into `closed` (in their trail) falls at or after `from`.
  async closedSince(schoolIds: string[], from: Date): Promise<CaseCountRow[]> {
    if (schoolIds.length === 0) return [];
    return this.source.query(
      `SELECT c.school_id, 'all' AS key, count(*)::int AS n, count(DISTINCT coalesce(c.learner_id, c.id))::int AS learners
         FROM "case" c
        WHERE c.school_id = ANY($1) AND split_part(c.state, '.', 1) = 'closed'
          AND ${lastEnteredStage('closed', 'c.id')} >= $2
        GROUP BY 1, 2`,
      [schoolIds, from],
    );
  }

  // Open cases with a running clock past its due time: the cases list's "overdue" filter, counted. The
  // condition binds `:now` for the query builder; here it is the second positional parameter.
  async overdueOpen(schoolIds: string[], now: Date): Promise<CaseCountRow[]> {
    if (schoolIds.length === 0) return [];
    return this.source.query(
      `SELECT c.school_id, 'all' AS key, count(*)::int AS n, count(DISTINCT coalesce(c.learner_id, c.id))::int AS learners
         FROM "case" c
        WHERE c.school_id = ANY($1) AND ${OPEN} AND ${overdueCondition('c.id').replace(':now', '$2')}
        GROUP BY 1, 2`,
      [schoolIds, now],
    );
  }
}

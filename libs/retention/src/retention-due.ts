import { lastEnteredStage } from '@dh/audit';
import { RecordKind, RetentionPolicy } from './retention-policy';

// A closed case whose retention period is over: the kinds of record it holds set the period (the longest wins).
export type DueCase = {
  id: string;
  code: string;
  schoolId: string;
  closedAt: Date;
  dueAt: Date;
  years: number;
  kinds: RecordKind[];
};

export type DueRow = Omit<DueCase, 'kinds'> & { protection: boolean; referral: boolean; consent: boolean };

// Closed, not yet shredded, not held, no protection concern still open. `$1` now; `$2`..`$5` the periods in years;
// `$6` one case id or null for all. The period is counted in whole years from the last entry into the closed stage.
const DUE_SQL = `
  WITH closed AS (
    SELECT c.id, c.code, c.school_id,
           ${lastEnteredStage('closed', 'c.id')} AS closed_at,
           EXISTS (SELECT 1 FROM audit_event e WHERE e.case_id = c.id AND e.type = 'RAISE_PROTECTION_CONCERN') AS protection,
           EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id) AS referral,
           EXISTS (SELECT 1 FROM consent k WHERE k.case_id = c.id) AS consent
      FROM "case" c
     WHERE split_part(c.state, '.', 1) = 'closed' AND c.shredded_at IS NULL AND c.legal_hold_at IS NULL
       AND coalesce(c.snapshot->'value'->>'protection', 'none') <> 'open'
       AND ($6::uuid IS NULL OR c.id = $6::uuid)
  ), periods AS (
    SELECT *, greatest($2::int, CASE WHEN protection THEN $3::int ELSE 0 END,
                       CASE WHEN referral THEN $4::int ELSE 0 END, CASE WHEN consent THEN $5::int ELSE 0 END) AS years
      FROM closed WHERE closed_at IS NOT NULL
  )
  SELECT id, code, school_id AS "schoolId", closed_at AS "closedAt", years,
         closed_at + make_interval(years => years) AS "dueAt", protection, referral, consent
    FROM periods
   WHERE closed_at + make_interval(years => years) <= $1
   ORDER BY closed_at, id`;

export const dueQuery = (policy: RetentionPolicy, now: Date, caseId: string | null): [string, unknown[]] => [
  DUE_SQL,
  [
    now,
    policy.kinds.counselling_record.years,
    policy.kinds.protection_concern.years,
    policy.kinds.referral.years,
    policy.kinds.consent.years,
    caseId,
  ],
];

export const toDueCase = ({ protection, referral, consent, ...row }: DueRow): DueCase => ({
  ...row,
  kinds: [
    'counselling_record' as const,
    ...(protection ? (['protection_concern'] as const) : []),
    ...(referral ? (['referral'] as const) : []),
    ...(consent ? (['consent'] as const) : []),
  ],
});

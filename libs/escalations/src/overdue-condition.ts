// The cases list's "overdue" filter as a condition on a case id column, with `:now` bound by the caller: the
// SQL of deadlines stays here, and the list stays one query.
export const overdueCondition = (caseIdColumn: string): string =>
  `EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = ${caseIdColumn} AND d.closed_at IS NULL AND d.paused_at IS NULL AND d.due_at <= :now)`;

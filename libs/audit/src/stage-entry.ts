const STAGE = /^[a-z_]+$/;

// When a case last entered a stage from outside it (a sub-state move inside it does not count), as an SQL
// expression on a case id column, null if never: the SQL of the trail stays here, and a figure over many cases
// stays one query. `stage` is a top-level state name of the machine, never input.
export const lastEnteredStage = (stage: string, caseIdColumn: string): string => {
  if (!STAGE.test(stage)) throw new Error(`not a stage name: ${stage}`);
  return `(SELECT max(e.at) FROM audit_event e
            WHERE e.case_id = ${caseIdColumn} AND split_part(e.to_state, '.', 1) = '${stage}'
              AND split_part(coalesce(e.from_state, ''), '.', 1) <> '${stage}')`;
};

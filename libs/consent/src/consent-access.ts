import { Action, Caller, CaseTeamOf, mayActOnCase } from '@dh/identity';

export type { CaseTeamOf };

// Of the consents, a counsellor works only those of the cases assigned to them (the policy's refinement).
export const mayActOnConsents = (
  caller: Caller,
  action: Extract<Action, `consent.${string}`>,
  row: CaseTeamOf,
): boolean => mayActOnCase(caller, action, row);

import { CaseTeamOf, mayActOnCaseTeam } from '@dh/cases';
import { Action, Caller } from '@dh/identity';

export type { CaseTeamOf };

// The case team's rule (libs/cases) applied to the consent actions.
export const mayActOnConsents = (caller: Caller, action: Extract<Action, `consent.${string}`>, row: CaseTeamOf): boolean =>
  mayActOnCaseTeam(caller, action, row);

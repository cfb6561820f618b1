import { Action, actorIn, Caller, POLICY } from '@dh/identity';

export type CaseTeamOf = { schoolId: string; assigneeId: string | null };

// The policy gives a counsellor their school; of the consents, only those of the cases assigned to them.
// Every other role the policy names for the action holds it for each case of the school.
export const mayActOnConsents = (caller: Caller, action: Extract<Action, `consent.${string}`>, row: CaseTeamOf): boolean =>
  actorIn(caller, row.schoolId)
    .roles.filter((r) => POLICY[action][r] !== undefined)
    .some((r) => r !== 'counsellor' || row.assigneeId === caller.id);

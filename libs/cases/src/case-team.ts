import { Action, actorIn, Caller, POLICY } from '@dh/identity';

export type CaseTeamOf = { schoolId: string; assigneeId: string | null };

// The policy gives a counsellor their school; for the work of the case team (consents, records) only the
// cases assigned to them. Every other role the policy names for the action holds it for each case of the school.
export const mayActOnCaseTeam = (caller: Caller, action: Action, row: CaseTeamOf): boolean =>
  actorIn(caller, row.schoolId)
    .roles.filter((r) => POLICY[action][r] !== undefined)
    .some((r) => r !== 'counsellor' || row.assigneeId === caller.id);

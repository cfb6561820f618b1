import type { Role } from '@dh/machines/case/types';
import { Caller } from './caller';
import { IdentityException, IdentityExceptionCode } from './identity.exception';

// Who may do what, in one table. Scope 'school': in the schools the caller belongs to; 'global': no school
// involved (the admin's work). The case machine refines case events further (assignment, stage, payload).
export type Action =
  | 'case.open' | 'case.read' | 'case.event' | 'case.history' | 'case.clocks'
  | 'learner.create' | 'learner.read'
  | 'report.submit'
  | 'admin.calendar' | 'admin.users';

type Scope = 'school' | 'global';

export const POLICY: Record<Action, Partial<Record<Role, Scope>>> = {
  'case.open': { counsellor: 'school', supervisor: 'school' },
  'case.read': { counsellor: 'school', supervisor: 'school', principal: 'school', auditor: 'school' },
  // The principal may act on a case only where the machine lets them (the protection concern of case@2).
  'case.event': { counsellor: 'school', supervisor: 'school', principal: 'school' },
  'case.history': { counsellor: 'school', supervisor: 'school', principal: 'school', auditor: 'school' },
  'case.clocks': { supervisor: 'school' },
  'learner.create': { counsellor: 'school', supervisor: 'school' },
  'learner.read': { counsellor: 'school', supervisor: 'school', principal: 'school' },
  'report.submit': { principal: 'school' },
  'admin.calendar': { admin: 'global' },
  'admin.users': { admin: 'global' },
};

export type Decision = 'allow' | 'forbidden' | 'not_found';

// What a caller cannot see does not exist for them (404); what they see but may not do is 403.
export const decide = (caller: Caller, action: Action, schoolId?: string): Decision => {
  const allowedRoles = POLICY[action];
  const scopes = caller.roles.map((r) => allowedRoles[r]).filter((s): s is Scope => s !== undefined);
  if (schoolId === undefined) return scopes.length ? 'allow' : 'forbidden';
  const member = caller.schoolIds.includes(schoolId);
  if (member && scopes.includes('school')) return 'allow';
  const seesSchool = member && caller.roles.some((r) => POLICY['case.read'][r] || POLICY['learner.read'][r] || POLICY['report.submit'][r]);
  return seesSchool ? 'forbidden' : 'not_found';
};

// Schools whose records of this kind the caller may see at all.
export const schoolsFor = (caller: Caller, action: Action): string[] =>
  caller.roles.some((r) => POLICY[action][r] === 'school') ? caller.schoolIds : [];

export const assertAllowed = (caller: Caller, action: Action, schoolId: string | undefined, notFound: () => Error): void => {
  const d = decide(caller, action, schoolId);
  if (d === 'not_found') throw notFound();
  if (d === 'forbidden') throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
};

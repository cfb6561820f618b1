import type { Role } from '@dh/machines/case/types';
import { actorIn, Caller } from './caller';
import { IdentityException, IdentityExceptionCode } from './identity.exception';

// Who may do what, in one table. Scope 'school': in the schools the caller belongs to (an auditor: the schools
// of their live grants); 'ward': every school of the caller's ward; 'ward_referred': a case of a school of the
// caller's ward while it stands referred to the ward; 'global': no school involved (the admin's work).
// The case machine refines case events further (assignment, stage, payload).
// A ward's own records (the directory of services) have no school: there 'school' reaches the wards of the
// caller's schools, 'ward' the caller's ward and 'global' every ward (see decideInWard).
export type Action =
  | 'case.open'
  | 'case.read'
  | 'case.event'
  | 'case.history'
  | 'case.clocks'
  | 'case.forms'
  | 'case.learner'
  | 'case.bulk_close'
  | 'case.legal_hold'
  | 'case.transfer'
  | 'privacy.request'
  | 'privacy.answer'
  | 'privacy.record'
  | 'school.staff'
  | 'consent.record'
  | 'consent.withdraw'
  | 'consent.read'
  | 'record.write'
  | 'record.read'
  | 'referral.read'
  | 'learner.create'
  | 'learner.read'
  | 'learner.family'
  | 'learner.import'
  | 'report.draft'
  | 'report.submit'
  | 'report.review'
  | 'report.read'
  | 'directory.read'
  | 'directory.manage'
  | 'school_records.read'
  | 'school_records.write'
  | 'audit.checkpoints'
  | 'admin.calendar'
  | 'admin.users'
  | 'admin.schools'
  | 'breach.record'
  | 'breach.read';

export type Scope = 'school' | 'ward' | 'ward_referred' | 'global';

export const POLICY: Record<Action, Partial<Record<Role, Scope>>> = {
  'case.open': { counsellor: 'school', supervisor: 'school' },
  'case.read': {
    counsellor: 'school',
    supervisor: 'school',
    principal: 'school',
    auditor: 'school',
    ward_officer: 'ward_referred',
  },
  // The principal may act on a case only where the machine lets them (the protection concern of case@2).
  'case.event': { counsellor: 'school', supervisor: 'school', principal: 'school' },
  'case.history': {
    counsellor: 'school',
    supervisor: 'school',
    principal: 'school',
    auditor: 'school',
    ward_officer: 'ward_referred',
  },
  'case.clocks': { supervisor: 'school' },
  // Forms 01–04 print the case's confidential content: libs/forms refines this to the readers of that content
  // (ConfidentialAccess: a counsellor's own cases, a principal's granted ones, a case referred to the ward).
  'case.forms': {
    counsellor: 'school',
    supervisor: 'school',
    principal: 'school',
    auditor: 'school',
    ward_officer: 'ward_referred',
  },
  // Naming the learner of a report from the public form: a counsellor only on the cases assigned to them (mayActOnCase).
  'case.learner': { counsellor: 'school', supervisor: 'school' },
  // Closing together, with one reason, the public reports a flood marked for bulk triage (libs/intake).
  'case.bulk_close': { supervisor: 'school' },
  // Keeping a case's content past its retention period (an inquiry, a court): the school's supervisors.
  'case.legal_hold': { supervisor: 'school' },
  // Moving a learner and their open cases to another school: asked by the sending school's supervisors, answered by
  // the receiving school's (libs/transfers).
  'case.transfer': { supervisor: 'school' },
  // A learner's or guardian's request under Law 91/2025: recorded and followed by the school's leaders; answered
  // (the export, a correction, an erasure) by a supervisor, who reads every case of the school.
  'privacy.request': { supervisor: 'school', principal: 'school' },
  'privacy.answer': { supervisor: 'school' },
  // The record of processing: what the installation does with personal data, no one's data in it. The admin keeps
  // it; a principal, whose school is the controller the Law names, files it.
  'privacy.record': { admin: 'global', principal: 'school' },
  // Who works a school's cases (names and roles, nothing else): to pick an assignee, to read who did what.
  'school.staff': { counsellor: 'school', supervisor: 'school', principal: 'school' },
  // A counsellor's 'school' covers only the cases assigned to them: libs/consent refines it (consent-access.ts).
  'consent.record': { counsellor: 'school', supervisor: 'school' },
  'consent.withdraw': { counsellor: 'school', supervisor: 'school' },
  'consent.read': { counsellor: 'school', supervisor: 'school', principal: 'school', auditor: 'school' },
  // Case records (sessions, family contacts, follow-ups): written by the case team, refined like consents; read by
  // whoever reads the case's history, the content masked for those who may not read it (ConfidentialAccess).
  'record.write': { counsellor: 'school', supervisor: 'school' },
  'record.read': {
    counsellor: 'school',
    supervisor: 'school',
    principal: 'school',
    auditor: 'school',
    ward_officer: 'ward_referred',
  },
  // A case's referrals: whoever reads the case, the ward officer too while it stands referred to the ward.
  'referral.read': {
    counsellor: 'school',
    supervisor: 'school',
    principal: 'school',
    auditor: 'school',
    ward_officer: 'ward_referred',
  },
  'learner.create': { counsellor: 'school', supervisor: 'school' },
  'learner.read': { counsellor: 'school', supervisor: 'school', principal: 'school' },
  // A learner's family (guardians: Decree 56 Art. 33): the case team of one of the learner's cases (a counsellor
  // only where assigned: mayActOnCase); the school's supervisors, who are on every case's team, also for a
  // learner with no case yet (libs/cases' LearnerFamilyAccess).
  'learner.family': { counsellor: 'school', supervisor: 'school' },
  // A school's roster from its own Excel or CSV export: its leaders, and the admin setting a school up (any school).
  'learner.import': { supervisor: 'school', principal: 'school', admin: 'global' },
  // A report to the ward: drafted by the school's leaders, submitted by its principal, accepted or returned by the
  // ward officer (who reads a report only once it was submitted: libs/reports refines that).
  'report.draft': { supervisor: 'school', principal: 'school' },
  'report.submit': { principal: 'school' },
  'report.review': { ward_officer: 'ward' },
  // Aggregate figures: the ward officer's of the whole ward (small cells masked), a school leader's of their school.
  'report.read': { supervisor: 'school', principal: 'school', ward_officer: 'ward' },
  // Where to refer a learner is no secret: whoever works or inspects in a ward reads its directory.
  'directory.read': {
    counsellor: 'school',
    supervisor: 'school',
    principal: 'school',
    auditor: 'school',
    ward_officer: 'ward',
    admin: 'global',
  },
  'directory.manage': { admin: 'global' },
  // What a school keeps beside its cases (team, activities, training, facilities): nothing about a learner. Kept by
  // the school's leaders, read by its counsellors and by the ward officer, whose reports count it.
  'school_records.read': { counsellor: 'school', supervisor: 'school', principal: 'school', ward_officer: 'ward' },
  'school_records.write': { supervisor: 'school', principal: 'school' },
  // The signed heads of every chain: case ids and hashes, no school's content. The inspector keeps copies to
  // compare later, the admin hands them out.
  'audit.checkpoints': { auditor: 'global', admin: 'global' },
  'admin.calendar': { admin: 'global' },
  'admin.users': { admin: 'global' },
  'admin.schools': { admin: 'global' },
  // A personal-data breach (Law 91/2025, Decree 356/2025): recorded and taken through its steps by the admin;
  // read by the principals of the schools it names and the ward officer of their ward (one naming no school
  // concerns every school), who hear of its 72-hour clock (libs/breaches refines the reach per breach).
  'breach.record': { admin: 'global' },
  'breach.read': { principal: 'school', ward_officer: 'ward', admin: 'global' },
};

export type Decision = 'allow' | 'forbidden' | 'not_found';

// What the ward scopes need to know about a record: the ward of its school and, for a case, whether it
// stands referred to that ward.
export type Place = { wardId: string; referredToWard?: boolean };

const scopesOf = (caller: Caller, action: Action): Scope[] =>
  caller.roles.map((r) => POLICY[action][r]).filter((s): s is Scope => s !== undefined);

const reaches = (caller: Caller, scope: Scope, schoolId: string, place?: Place): boolean => {
  const inWard = place !== undefined && caller.wardId !== null && place.wardId === caller.wardId;
  switch (scope) {
    case 'school':
      return caller.schoolIds.includes(schoolId);
    case 'ward':
      return inWard;
    case 'ward_referred':
      return inWard && place?.referredToWard === true;
    case 'global':
      return false;
  }
};

const mayDo = (caller: Caller, action: Action, schoolId: string, place?: Place): boolean =>
  scopesOf(caller, action).some((s) => reaches(caller, s, schoolId, place));

// What a caller cannot see does not exist for them (404); what they see but may not do is 403. They see a
// record when they may read its school's cases, learners or reports, or the case itself.
export const decide = (caller: Caller, action: Action, schoolId?: string, place?: Place): Decision => {
  if (schoolId === undefined) return scopesOf(caller, action).length ? 'allow' : 'forbidden';
  if (mayDo(caller, action, schoolId, place)) return 'allow';
  const sees = (['case.read', 'learner.read', 'report.submit'] as Action[]).some((a) =>
    mayDo(caller, a, schoolId, place),
  );
  return sees ? 'forbidden' : 'not_found';
};

// Schools whose records of this kind the caller may see at all.
export const schoolsFor = (caller: Caller, action: Action): string[] =>
  scopesOf(caller, action).includes('school') ? caller.schoolIds : [];

// The ward whose schools the caller reaches for this kind of record, through the scope named: for queries
// that cannot ask `decide` row by row.
export const wardFor = (caller: Caller, action: Action, scope: 'ward' | 'ward_referred'): string | null =>
  scopesOf(caller, action).includes(scope) ? caller.wardId : null;

// Does the caller hold a ward scope for this action (so a decision needs the record's Place)?
export const needsPlace = (caller: Caller, action: Action): boolean =>
  scopesOf(caller, action).some((s) => s === 'ward' || s === 'ward_referred');

// A record of a ward, not of a school. The policy reads no database: the caller passes the wards of their
// schools. What a caller may not read in that ward does not exist for them (404); what they read but may not
// change is 403.
export const decideInWard = (
  caller: Caller,
  action: Action,
  wardId: string,
  schoolWardIds: readonly string[],
): Decision => {
  const reachesWard = (a: Action): boolean =>
    scopesOf(caller, a).some(
      (s) =>
        s === 'global' ||
        (s === 'ward' && caller.wardId === wardId) ||
        (s === 'school' && schoolWardIds.includes(wardId)),
    );
  if (reachesWard(action)) return 'allow';
  return reachesWard('directory.read') ? 'forbidden' : 'not_found';
};

// The wards whose records of this kind the caller reaches ('all' for a global scope), for list queries.
export const wardsFor = (caller: Caller, action: Action, schoolWardIds: readonly string[]): string[] | 'all' => {
  const scopes = scopesOf(caller, action);
  if (scopes.includes('global')) return 'all';
  const wards = [
    ...(scopes.includes('school') ? schoolWardIds : []),
    ...(scopes.includes('ward') && caller.wardId ? [caller.wardId] : []),
  ];
  return [...new Set(wards)].sort();
};

export type CaseTeamOf = { schoolId: string; assigneeId: string | null };

// The policy gives a counsellor their school; for the case team's own work (consents, naming the learner),
// only the cases assigned to them. Every other role the policy names holds the action for each case of the school.
export const mayActOnCase = (caller: Caller, action: Action, row: CaseTeamOf): boolean =>
  actorIn(caller, row.schoolId)
    .roles.filter((r) => POLICY[action][r] !== undefined)
    .some((r) => r !== 'counsellor' || row.assigneeId === caller.id);

// What a school-level action answers for a school the caller cannot see: it does not exist, for them.
export const schoolNotFound = (): Error => new IdentityException(IdentityExceptionCode.SCHOOL_NOT_FOUND);

export const assertAllowed = (
  caller: Caller,
  action: Action,
  schoolId: string | undefined,
  notFound: () => Error,
  place?: Place,
): void => {
  const d = decide(caller, action, schoolId, place);
  if (d === 'not_found') throw notFound();
  if (d === 'forbidden') throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
};

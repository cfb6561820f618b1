import type { Actor, Role } from '@dh/machines/case/types';

// Who is asking, resolved once per request from the token and the database.
export type Caller = {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  schoolIds: string[];
  wardId: string | null;
  requestId: string;
};

// A user's roles count only in the schools they belong to.
export const actorIn = (caller: Caller, schoolId: string): Actor => ({
  id: caller.id,
  roles: caller.schoolIds.includes(schoolId) ? caller.roles : [],
});

const ROLE_PRECEDENCE: Role[] = ['supervisor', 'counsellor', 'principal', 'auditor', 'ward_officer', 'admin'];

// The role recorded in the audit trail when a user holds several.
export const primaryRole = (roles: Role[]): Role | null => ROLE_PRECEDENCE.find((r) => roles.includes(r)) ?? null;

// Who did it, as the admin chain records every change: the caller, their role, their request.
export const chainActor = (caller: Caller): { actorId: string; actorRole: Role | null; requestId: string } => ({
  actorId: caller.id,
  actorRole: primaryRole(caller.roles),
  requestId: caller.requestId,
});

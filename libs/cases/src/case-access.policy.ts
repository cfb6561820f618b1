import type { Role } from '@dh/machines/case/types';
import { Caller } from '@dh/identity';

// Who reaches a school's cases at all. A case outside these answers 404, exactly like one that does not exist.
// The full role matrix (grants, ward referrals, confidential fields) lands with the access issue.
const READERS: Role[] = ['counsellor', 'supervisor', 'principal', 'auditor'];
const OPENERS: Role[] = ['counsellor', 'supervisor'];

export const readableSchoolIds = (caller: Caller): string[] =>
  caller.roles.some((r) => READERS.includes(r)) ? caller.schoolIds : [];

export const canOpenCaseIn = (caller: Caller, schoolId: string): boolean =>
  caller.schoolIds.includes(schoolId) && caller.roles.some((r) => OPENERS.includes(r));

export const canReadSchool = (caller: Caller, schoolId: string): boolean => readableSchoolIds(caller).includes(schoolId);

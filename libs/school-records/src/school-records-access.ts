import { EntityManager } from 'typeorm';
import { Caller, decide, IdentityException, IdentityExceptionCode, School } from '@dh/identity';
import { SchoolRecordsException, SchoolRecordsExceptionCode } from './school-records.exception';

export type SchoolRecordsAction = 'school_records.read' | 'school_records.write';

// Who reads and who keeps a school's records is the policy's; here the answer: a school the caller may not read
// these records of does not exist for them (404) unless they see the school otherwise (an auditor: 403); a school
// they read but may not change (a counsellor, the ward officer) is 403.
export const assertMay = (caller: Caller, school: School, action: SchoolRecordsAction, notFound: () => Error): void => {
  const place = { wardId: school.wardId };
  const read = decide(caller, 'school_records.read', school.id, place);
  if (read === 'not_found') throw notFound();
  const allowed =
    read === 'allow' && (action === 'school_records.read' || decide(caller, action, school.id, place) === 'allow');
  if (!allowed) throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
};

export const schoolNotFound = () => new SchoolRecordsException(SchoolRecordsExceptionCode.SCHOOL_NOT_FOUND);
export const recordNotFound = () => new SchoolRecordsException(SchoolRecordsExceptionCode.RECORD_NOT_FOUND);

// The school, when the caller may do this with its records.
export const schoolFor = async (
  tx: EntityManager,
  caller: Caller,
  schoolId: string,
  action: SchoolRecordsAction,
  notFound: () => Error = schoolNotFound,
): Promise<School> => {
  const school = await tx.getRepository(School).findOneBy({ id: schoolId });
  if (!school) throw notFound();
  assertMay(caller, school, action, notFound);
  return school;
};

import { accountProblems, optionalText, YearRecordKind } from '../year-record';
import { dateProblems } from '../school-year';
import { TeamMemberDto } from './dtos/team-member.dto';
import { TeamMember } from './team-member.entity';

export type TeamMemberFields = Pick<
  TeamMember,
  'fullName' | 'userId' | 'teamRole' | 'employment' | 'job' | 'fromDate' | 'toDate'
>;
export type TeamMemberView = TeamMemberFields & { id: string; schoolId: string; schoolYear: string; updatedAt: string };

const fieldsOfRow = (m: TeamMember): TeamMemberFields => ({
  fullName: m.fullName,
  userId: m.userId,
  teamRole: m.teamRole,
  employment: m.employment,
  job: m.job,
  fromDate: m.fromDate,
  toDate: m.toDate,
});

export const TEAM: YearRecordKind<TeamMember, TeamMemberDto, TeamMemberFields, TeamMemberView> = {
  entity: TeamMember,
  event: 'SCHOOL_TEAM_MEMBER',
  // The team leader first, then by name.
  order: { teamRole: 'DESC', fullName: 'ASC', id: 'ASC' },
  fieldsOf: (dto) => ({
    fullName: dto.fullName,
    userId: dto.userId?.toLowerCase() ?? null,
    teamRole: dto.teamRole,
    employment: dto.employment,
    job: dto.job,
    fromDate: dto.fromDate,
    toDate: optionalText(dto.toDate),
  }),
  fieldsOfRow,
  check: async (at, f, before) => [
    ...dateProblems(at.schoolYear, { fromDate: f.fromDate, toDate: f.toDate }, ['fromDate', 'toDate']),
    ...(await accountProblems(at, f.userId, before?.userId)),
  ],
  toView: (m) => ({
    id: m.id,
    schoolId: m.schoolId,
    schoolYear: m.schoolYear,
    ...fieldsOfRow(m),
    updatedAt: m.updatedAt.toISOString(),
  }),
};

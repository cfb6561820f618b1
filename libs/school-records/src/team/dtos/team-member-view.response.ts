import { ApiProperty } from '@nestjs/swagger';
import type { TeamMemberView } from '../team-kind';
import { Employment, EMPLOYMENTS, TEAM_JOBS, TEAM_ROLES, TeamJob, TeamRole } from '../team-member.entity';

export class TeamMemberViewDto implements TeamMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole' }) teamRole!: TeamRole;
  @ApiProperty({ enum: EMPLOYMENTS, enumName: 'Employment' }) employment!: Employment;
  @ApiProperty({ enum: TEAM_JOBS, enumName: 'TeamJob' }) job!: TeamJob;
  @ApiProperty({ format: 'date' }) fromDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) toDate!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

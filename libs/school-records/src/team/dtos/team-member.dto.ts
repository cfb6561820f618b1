import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { NonBlankText } from '@dh/errors';
import { Day } from '../../school-year';
import { SchoolYearQueryDto } from '../../dtos/school-year-query.dto';
import { Employment, EMPLOYMENTS, TEAM_JOBS, TEAM_ROLES, TeamJob, TeamRole } from '../team-member.entity';

// A team member as the school's keeper writes it; a PUT replaces all of it (a field left out is cleared).
export class TeamMemberDto {
  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @NonBlankText(200)
  fullName!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'an account of the school, if any',
  })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole' })
  @IsIn(TEAM_ROLES)
  teamRole!: TeamRole;

  @ApiProperty({ enum: EMPLOYMENTS, enumName: 'Employment' })
  @IsIn(EMPLOYMENTS)
  employment!: Employment;

  @ApiProperty({ enum: TEAM_JOBS, enumName: 'TeamJob' })
  @IsIn(TEAM_JOBS)
  job!: TeamJob;

  @ApiProperty({ format: 'date', example: '2026-09-05' })
  @Day('fromDate')
  fromDate!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'empty: still on the team' })
  @IsOptional()
  @Day('toDate')
  toDate?: string | null;
}

// A new member: whose team, and of which school year.
export class CreateTeamMemberDto extends IntersectionType(SchoolYearQueryDto, TeamMemberDto) {}

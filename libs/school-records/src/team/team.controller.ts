import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { SchoolYearQueryDto } from '../dtos/school-year-query.dto';
import { SchoolRecordsException, SchoolRecordsExceptionCode } from '../school-records.exception';
import { YearRecordsService } from '../year-records.service';
import { CreateTeamMemberDto, TeamMemberDto } from './dtos/team-member.dto';
import { TeamMemberViewDto } from './dtos/team-member-view.response';
import { TEAM } from './team-kind';

const { RECORD_NOT_FOUND, SCHOOL_NOT_FOUND } = SchoolRecordsExceptionCode;

// The school's counselling team per school year. Who reads and who keeps it is decided with the school (404 for a
// school the caller does not reach), so each route declares its action on the record.
@ApiTags('school-records')
@ApiBearerAuth()
@Controller('school-records/team')
export class TeamController {
  constructor(private readonly records: YearRecordsService) {}

  @Permission('school_records.read', 'record')
  @Get()
  @ApiOperation({ summary: 'Tổ tư vấn của trường trong một năm học / the school’s counselling team in a school year' })
  @ApiOkResponse({ type: ListOf(TeamMemberViewDto) })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  async list(@CurrentCaller() caller: Caller, @Query() q: SchoolYearQueryDto) {
    return { items: await this.records.list(TEAM, caller, q.schoolId.toLowerCase(), q.schoolYear) };
  }

  @Permission('school_records.write', 'record')
  @Post()
  @ApiOperation({ summary: 'Thêm thành viên tổ tư vấn / add a team member (supervisor, principal)' })
  @ApiCreatedResponse({ type: TeamMemberViewDto })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateTeamMemberDto) {
    const { schoolId, schoolYear, ...fields } = dto;
    return this.records.create(TEAM, caller, schoolId.toLowerCase(), schoolYear, fields);
  }

  @Permission('school_records.write', 'record')
  @Put(':id')
  @ApiOperation({ summary: 'Sửa thông tin thành viên / replace a team member’s details (supervisor, principal)' })
  @ApiOkResponse({ type: TeamMemberViewDto })
  @ApiErrors(SchoolRecordsException.statuses, RECORD_NOT_FOUND)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: TeamMemberDto) {
    return this.records.update(TEAM, caller, id, dto);
  }

  @Permission('school_records.write', 'record')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xóa thành viên khỏi danh sách / remove a team member (supervisor, principal)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors(SchoolRecordsException.statuses, RECORD_NOT_FOUND)
  async remove(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.records.remove(TEAM, caller, id);
  }
}

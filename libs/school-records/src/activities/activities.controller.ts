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
import { ActivityDto, CreateActivityDto } from './dtos/activity.dto';
import { ActivityViewDto } from './dtos/activity-view.response';
import { ACTIVITIES } from './activity-kind';

const { RECORD_NOT_FOUND, SCHOOL_NOT_FOUND } = SchoolRecordsExceptionCode;

// The school's prevention and communication activities per school year, read and kept as the team is.
@ApiTags('school-records')
@ApiBearerAuth()
@Controller('school-records/activities')
export class ActivitiesController {
  constructor(private readonly records: YearRecordsService) {}

  @Permission('school_records.read', 'record')
  @Get()
  @ApiOperation({
    summary:
      'Hoạt động phòng ngừa, truyền thông của trường trong một năm học / the school’s prevention and communication activities in a school year',
  })
  @ApiOkResponse({ type: ListOf(ActivityViewDto) })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  async list(@CurrentCaller() caller: Caller, @Query() q: SchoolYearQueryDto) {
    return { items: await this.records.list(ACTIVITIES, caller, q.schoolId.toLowerCase(), q.schoolYear) };
  }

  @Permission('school_records.write', 'record')
  @Post()
  @ApiOperation({ summary: 'Thêm hoạt động / add an activity (supervisor, principal)' })
  @ApiCreatedResponse({ type: ActivityViewDto })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateActivityDto) {
    const { schoolId, schoolYear, ...fields } = dto;
    return this.records.create(ACTIVITIES, caller, schoolId.toLowerCase(), schoolYear, fields);
  }

  @Permission('school_records.write', 'record')
  @Put(':id')
  @ApiOperation({ summary: 'Sửa hoạt động / replace an activity’s details (supervisor, principal)' })
  @ApiOkResponse({ type: ActivityViewDto })
  @ApiErrors(SchoolRecordsException.statuses, RECORD_NOT_FOUND)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: ActivityDto) {
    return this.records.update(ACTIVITIES, caller, id, dto);
  }

  @Permission('school_records.write', 'record')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xóa hoạt động / remove an activity (supervisor, principal)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors(SchoolRecordsException.statuses, RECORD_NOT_FOUND)
  async remove(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.records.remove(ACTIVITIES, caller, id);
  }
}

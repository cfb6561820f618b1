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
import { CreateTrainingDto, TrainingDto } from './dtos/training.dto';
import { TrainingViewDto } from './dtos/training-view.response';
import { TRAINING } from './training-kind';

const { RECORD_NOT_FOUND, SCHOOL_NOT_FOUND } = SchoolRecordsExceptionCode;

// The training its staff followed per school year, read and kept as the team is.
@ApiTags('school-records')
@ApiBearerAuth()
@Controller('school-records/training')
export class TrainingController {
  constructor(private readonly records: YearRecordsService) {}

  @Permission('school_records.read', 'record')
  @Get()
  @ApiOperation({
    summary:
      'Bồi dưỡng cán bộ, giáo viên của trường trong một năm học / the training the school’s staff followed in a school year',
  })
  @ApiOkResponse({ type: ListOf(TrainingViewDto) })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  async list(@CurrentCaller() caller: Caller, @Query() q: SchoolYearQueryDto) {
    return { items: await this.records.list(TRAINING, caller, q.schoolId.toLowerCase(), q.schoolYear) };
  }

  @Permission('school_records.write', 'record')
  @Post()
  @ApiOperation({ summary: 'Thêm khóa bồi dưỡng / add a course followed (supervisor, principal)' })
  @ApiCreatedResponse({ type: TrainingViewDto })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateTrainingDto) {
    const { schoolId, schoolYear, ...fields } = dto;
    return this.records.create(TRAINING, caller, schoolId.toLowerCase(), schoolYear, fields);
  }

  @Permission('school_records.write', 'record')
  @Put(':id')
  @ApiOperation({ summary: 'Sửa khóa bồi dưỡng / replace a course’s details (supervisor, principal)' })
  @ApiOkResponse({ type: TrainingViewDto })
  @ApiErrors(SchoolRecordsException.statuses, RECORD_NOT_FOUND)
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: TrainingDto) {
    return this.records.update(TRAINING, caller, id, dto);
  }

  @Permission('school_records.write', 'record')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xóa khóa bồi dưỡng / remove a course (supervisor, principal)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors(SchoolRecordsException.statuses, RECORD_NOT_FOUND)
  async remove(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.records.remove(TRAINING, caller, id);
  }
}

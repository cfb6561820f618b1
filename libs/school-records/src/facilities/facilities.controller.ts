import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { SchoolYearQueryDto } from '../dtos/school-year-query.dto';
import { SchoolRecordsException, SchoolRecordsExceptionCode } from '../school-records.exception';
import { SetFacilitiesDto } from './dtos/facilities.dto';
import { FacilitiesViewDto } from './dtos/facilities-view.response';
import { FacilitiesService } from './facilities.service';

const { SCHOOL_NOT_FOUND } = SchoolRecordsExceptionCode;

@ApiTags('school-records')
@ApiBearerAuth()
@Controller('school-records/facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Permission('school_records.read', 'record')
  @Get()
  @ApiOperation({
    summary:
      'Cơ sở vật chất cho tư vấn của trường trong một năm học / the school’s counselling facilities in a school year',
  })
  @ApiOkResponse({ type: FacilitiesViewDto })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  get(@CurrentCaller() caller: Caller, @Query() q: SchoolYearQueryDto) {
    return this.facilities.get(caller, q.schoolId.toLowerCase(), q.schoolYear);
  }

  @Permission('school_records.write', 'record')
  @Put()
  @ApiOperation({
    summary: 'Ghi cơ sở vật chất / replace the school’s facilities for a school year (supervisor, principal)',
  })
  @ApiOkResponse({ type: FacilitiesViewDto })
  @ApiErrors(SchoolRecordsException.statuses, SCHOOL_NOT_FOUND)
  set(@CurrentCaller() caller: Caller, @Body() dto: SetFacilitiesDto) {
    const { schoolId, schoolYear, ...fields } = dto;
    return this.facilities.set(caller, schoolId.toLowerCase(), schoolYear, fields);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, IdentityException, IdentityExceptionCode, Permission } from '@dh/identity';
import { ApiErrors } from '@dh/errors';
import { WardFiguresQueryDto } from './dtos/ward-figures.dto';
import { WardCaseFiguresDto } from './dtos/ward-figures.response';
import { WardFiguresService } from './ward-figures.service';
import { SchoolFiguresQueryDto } from './dtos/school-figures.dto';
import { SchoolFiguresDto } from './dtos/school-figures.response';
import { SchoolFiguresService } from './school-figures.service';

const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly figures: WardFiguresService,
    private readonly school: SchoolFiguresService,
  ) {}

  @Permission('report.read')
  @Get('ward/cases')
  @ApiOperation({
    summary:
      'Số liệu tổng hợp hồ sơ theo trường / case figures per school: open by stage, risk, area, channel; closed this school year (ward officer: the ward, cells of 1–4 learners shown as "<5", and some larger cells "<5" too, complementary, so that no hidden cell can be worked out from the open total and the other cells; principal, supervisor: their school, exact)',
  })
  @ApiOkResponse({ type: WardCaseFiguresDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  wardCases(@CurrentCaller() caller: Caller, @Query() query: WardFiguresQueryDto) {
    return this.figures.cases(caller, query.schoolId);
  }

  @Permission('report.read')
  @Get('school/figures')
  @ApiOperation({
    summary:
      'Số liệu của một trường / one school’s figures: open cases by stage, risk, area, channel; closed this school year; overdue; the reports it owes this school year (principal, supervisor: their school, exact; ward officer: a school of the ward, cells of 1–4 learners shown as "<5", and some larger cells "<5" too, complementary, so that no hidden cell can be worked out from the open total and the other cells)',
  })
  @ApiOkResponse({ type: SchoolFiguresDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  schoolFigures(@CurrentCaller() caller: Caller, @Query() query: SchoolFiguresQueryDto) {
    return this.school.of(caller, query.schoolId);
  }
}

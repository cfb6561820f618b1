import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';

import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { InputValidationException } from '@dh/errors';

import { Caller, CurrentCaller, Permission } from '@dh/identity';

import { CalendarAdminService } from './calendar-admin.service';

import { CalendarYearDto } from './dtos/calendar-year.dto';

import { CalendarYearReplacedDto, CalendarYearViewDto } from './dtos/calendar-year-view.dto';

const yearPipe = () =>
  new ParseIntPipe({
    exceptionFactory: () =>
      new InputValidationException([
        { field: 'year', problems: ['year: phải là một số nguyên / must be a whole number'] },
      ]),
  });

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar')
export class CalendarAdminController {
  constructor(private readonly calendar: CalendarAdminService) {}

  @Permission('admin.calendar')
  @Get(':year')
  @ApiOperation({
    summary:
      'Lịch làm việc của một năm: danh sách ngày nghỉ, ngày làm bù và nguồn (app, file, statutory), cùng lịch hiệu lực / a year’s list, its source and the effective calendar (admin)',
  })
  @ApiOkResponse({ type: CalendarYearViewDto })
  year(@Param('year', yearPipe()) year: number) {
    return this.calendar.view(year);
  }

  @Permission('admin.calendar')
  @Put(':year')
  @ApiOperation({
    summary:
      'Thay danh sách ngày nghỉ và ngày làm bù của một năm; hạn xử lý đang mở được tính lại / replace a year’s days off and days worked; open deadlines move (admin)',
  })
  @ApiOkResponse({ type: CalendarYearReplacedDto })
  replace(@CurrentCaller() caller: Caller, @Param('year', yearPipe()) year: number, @Body() dto: CalendarYearDto) {
    return this.calendar.replace(caller, year, dto.entries);
  }
}

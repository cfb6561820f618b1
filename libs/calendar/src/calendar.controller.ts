import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InputValidationException } from '@dh/errors';
import { assertAllowed, Caller, CurrentCaller, IdentityException, IdentityExceptionCode } from '@dh/identity';
import { WorkingCalendar } from './working-calendar';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar')
export class CalendarController {
  constructor(private readonly calendar: WorkingCalendar) {}

  @Get(':year')
  @ApiOperation({ summary: 'Lịch làm việc hiệu lực của một năm / the effective working calendar of a year (admin)' })
  year(
    @CurrentCaller() caller: Caller,
    @Param('year', new ParseIntPipe({ exceptionFactory: () => new InputValidationException([{ field: 'year', problems: ['year must be a whole number'] }]) }))
    year: number,
  ) {
    assertAllowed(caller, 'admin.calendar', undefined, () => new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE));
    if (year < 2000 || year > 2100) throw new InputValidationException([{ field: 'year', problems: ['year must be between 2000 and 2100'] }]);
    return { year, items: this.calendar.yearCalendar(year) };
  }
}

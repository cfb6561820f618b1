import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, Matches, ValidateNested } from 'class-validator';
import { NonBlankText } from '@dh/errors';
import { CALENDAR_DAY_KINDS, CalendarDayKind } from '../calendar-day.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (field: string) => ({
  message: `${field}: phải là một ngày có thật dạng YYYY-MM-DD / must be a real YYYY-MM-DD date`,
});

// One weekday off or weekend day worked, as the government's notice gives it.
export class CalendarDayDto {
  @ApiProperty({ example: '2027-05-03' })
  @IsISO8601({ strict: true, strictSeparator: true }, realDate('date'))
  @Matches(DATE_ONLY, realDate('date'))
  date!: string;

  @ApiProperty({
    enum: CALENDAR_DAY_KINDS,
    description: 'day_off: ngày nghỉ / a day off; working_day: ngày làm bù / a weekend day worked',
  })
  @IsIn(CALENDAR_DAY_KINDS, { message: 'kind: phải là day_off hoặc working_day / must be day_off or working_day' })
  kind!: CalendarDayKind;

  @ApiProperty({ example: 'Nghỉ bù Ngày Quốc tế Lao động' })
  @NonBlankText(200)
  name!: string;

  @ApiProperty({ example: 'Quyết định số 123/QĐ-TTg' })
  @NonBlankText(200)
  decisionNumber!: string;

  @ApiProperty({ example: '2026-11-05' })
  @IsISO8601({ strict: true, strictSeparator: true }, realDate('decisionDate'))
  @Matches(DATE_ONLY, realDate('decisionDate'))
  decisionDate!: string;
}

// The whole year's list: what is not in it is no longer a day off or a day worked (a PUT).
export class CalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray({ message: 'entries: phải là một danh sách / must be a list' })
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  entries!: CalendarDayDto[];
}

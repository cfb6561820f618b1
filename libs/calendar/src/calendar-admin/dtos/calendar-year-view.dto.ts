import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalendarEntry, CalendarEntryKind } from '@dh/calendar';
import { CALENDAR_DAY_KINDS, CalendarDayKind } from '../calendar-day.entity';
import type { CalendarEntryView, CalendarSource } from '../calendar-entries';
import type { CalendarYearView } from '../calendar-admin.service';

const SOURCES: CalendarSource[] = ['app', 'file', 'statutory'];
const ENTRY_KINDS: CalendarEntryKind[] = ['holiday', 'make_up', 'override', 'working_saturday'];

export class CalendarEntryViewDto implements CalendarEntryView {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, enumName: 'CalendarDayKind' }) kind!: CalendarDayKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionDate!: string | null;
  @ApiProperty({ description: 'the decision, as the calendar cites it' }) decision!: string;
}

export class EffectiveDayDto implements CalendarEntry {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ENTRY_KINDS, enumName: 'CalendarEntryKind' }) kind!: CalendarEntryKind;
  @ApiPropertyOptional() decision?: string;
}

export class CalendarYearViewDto implements CalendarYearView {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: SOURCES, enumName: 'CalendarSource' }) source!: CalendarSource;
  @ApiProperty({ type: [CalendarEntryViewDto], description: 'the year’s list as kept' })
  entries!: CalendarEntryViewDto[];
  @ApiProperty({ type: [EffectiveDayDto], description: 'the effective calendar: every day off and worked Saturday' })
  items!: EffectiveDayDto[];
}

export class CalendarYearReplacedDto extends CalendarYearViewDto {
  @ApiProperty({ description: 'open deadlines whose due time moved' }) movedDeadlines!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { REPORT_DEADLINE_KINDS, ReportKind } from '@dh/escalations';
import type { ReportPeriod } from '../report-clock.service';
import type { SchoolFigures } from '../school-figures.service';
import type { Cell } from '../ward-figures.service';
import { SchoolCaseFiguresDto } from './ward-figures.response';

const CELL = { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5'] }] };

export class ReportPeriodDto implements ReportPeriod {
  @ApiProperty({ enum: REPORT_DEADLINE_KINDS, enumName: 'ReportKind' }) kind!: ReportKind;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when a submission closed the report’s clock; null: not submitted yet',
  })
  submittedAt!: string | null;
  @ApiProperty({ description: 'false: no clock runs for this report (the school joined after its date)' })
  hasClock!: boolean;
}

export class SchoolFiguresDto implements SchoolFigures {
  @ApiProperty({ example: '2025-2026' }) schoolYear!: string;
  @ApiProperty({ format: 'date-time', description: 'the school year’s start' }) from!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: SchoolCaseFiguresDto }) school!: SchoolCaseFiguresDto;
  @ApiProperty({ ...CELL, description: 'open cases with a clock past its due time' }) overdue!: Cell;
  @ApiProperty({ type: [ReportPeriodDto], description: 'the reports the school owes this school year, by date' })
  reports!: ReportPeriodDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { SchoolYear } from '@dh/school-records';
import type { PeriodKind } from '../ward-reports.service';

const PERIOD_KINDS: PeriodKind[] = ['semester_1', 'school_year'];

export class WardReportsQueryDto {
  @ApiProperty({ example: '2026-2027' })
  @SchoolYear()
  schoolYear!: string;

  @ApiProperty({ enum: PERIOD_KINDS, enumName: 'PeriodReportKind' })
  @IsIn(PERIOD_KINDS)
  kind!: PeriodKind;
}

// The ward plan runs 2026–2030: its reviews read the school years that start in those years.
export class WardReviewQueryDto {
  @ApiProperty({ example: 2026, minimum: 2020, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  from!: number;

  @ApiProperty({ example: 2030, minimum: 2020, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  to!: number;
}

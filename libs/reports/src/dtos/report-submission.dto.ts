import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { REPORT_DEADLINE_KINDS, ReportKind } from '@dh/escalations';

export class ReportSubmissionDto {
  @ApiProperty()
  @IsUUID('all')
  schoolId!: string;

  @ApiProperty({ enum: REPORT_DEADLINE_KINDS })
  @IsIn(REPORT_DEADLINE_KINDS)
  kind!: ReportKind;
}

import { ApiProperty } from '@nestjs/swagger';
import { REPORT_DEADLINE_KINDS, ReportKind } from '@dh/escalations';
import type { ReportSubmitted } from '../report-clock.service';

export class ReportSubmissionAnswerDto implements ReportSubmitted {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: REPORT_DEADLINE_KINDS, enumName: 'ReportKind' }) kind!: ReportKind;
  @ApiProperty({ description: 'the report deadlines this submission met' }) closedDeadlines!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { ReportTableDto } from '../../report/dtos/report-view.response';
import type {
  PeriodKind,
  ReviewYear,
  SchoolReportLine,
  SchoolReportStatus,
  WardReportStatus,
  WardReview,
} from '../ward-reports.service';

const FIGURES = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
  description: 'counts as in a report, 1–4 learners and what would give them away shown as "<5"',
} as const;
const STATUSES: SchoolReportStatus[] = ['not_started', 'draft', 'returned', 'submitted', 'accepted'];

export class SchoolReportLineDto implements SchoolReportLine {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId!: string | null;
  @ApiProperty({ enum: STATUSES, enumName: 'SchoolReportStatus' }) status!: SchoolReportStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstSubmittedAt!: string | null;
  @ApiProperty({ description: 'first sent after the due time, or not sent and the due time passed' }) late!: boolean;
  @ApiProperty() workingDaysLate!: number;
  @ApiProperty({ type: String, nullable: true, description: 'the anchor digest its last submission carried' })
  anchorDigest!: string | null;
}

export class WardRollUpDto {
  @ApiProperty({ description: 'accepted reports summed' }) reports!: number;
  @ApiProperty(FIGURES) figures!: Record<string, unknown> | null;
  @ApiProperty({ type: [ReportTableDto], description: 'the figures as the exports print them (empty: none yet)' })
  tables!: ReportTableDto[];
}

export class WardReportStatusDto implements WardReportStatus {
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: ['semester_1', 'school_year'], enumName: 'PeriodReportKind' }) kind!: PeriodKind;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: [SchoolReportLineDto] }) schools!: SchoolReportLineDto[];
  @ApiProperty({ type: WardRollUpDto }) rollUp!: WardRollUpDto;
}

export class ReviewSchoolDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ ...FIGURES, nullable: false }) figures!: Record<string, unknown>;
}

export class ReviewYearDto implements ReviewYear {
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ description: 'accepted school-year reports' }) reports!: number;
  @ApiProperty(FIGURES) figures!: Record<string, unknown> | null;
  @ApiProperty({ type: [ReviewSchoolDto] }) schools!: ReviewSchoolDto[];
}

export class WardReviewDto implements WardReview {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [ReviewYearDto] }) years!: ReviewYearDto[];
}

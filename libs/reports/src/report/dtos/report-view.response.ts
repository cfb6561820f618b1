import { ApiProperty } from '@nestjs/swagger';
import { REPORT_EVENT_KINDS, ReportEventKind } from '../report.entity';
import { REPORT_STATUSES, ReportStatus, SCHOOL_REPORT_KINDS, SchoolReportKind } from '../report-content';
import type { ExportTable, Value } from '../../report-export/report-tables';
import type { AnchorVerdict, BrokenChain } from '../report-anchor.service';
import type { ReportEventView, ReportView } from '../report-view';

export class ReportTextsViewDto {
  @ApiProperty() direction!: string;
  @ApiProperty() coordination!: string;
  @ApiProperty() results!: string;
  @ApiProperty() difficulties!: string;
  @ApiProperty() proposals!: string;
}

export class ReportEventViewDto implements ReportEventView {
  @ApiProperty({ enum: REPORT_EVENT_KINDS, enumName: 'ReportEventKind' }) kind!: ReportEventKind;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() byFullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'a return’s reason' }) reason!: string | null;
  @ApiProperty({ description: 'SHA-256 of the report’s content at that step' }) contentDigest!: string;
  @ApiProperty({ type: String, nullable: true, description: 'a submission’s anchor digest' })
  anchorDigest!: string | null;
}

export class ReportViewDto implements ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty({ enum: SCHOOL_REPORT_KINDS, enumName: 'SchoolReportKind' }) kind!: SchoolReportKind;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'ReportStatus' }) status!: ReportStatus;
  @ApiProperty({ type: String, nullable: true }) incidentSummary!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the incident’s case number, for the school only' })
  incidentCaseCode!: string | null;
  @ApiProperty({ format: 'date-time' }) periodFrom!: string;
  @ApiProperty({ format: 'date-time' }) periodTo!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the counts frozen at figuresAt (docs/report-figures.md); the ward reads them suppressed',
  })
  figures!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) figuresAt!: string;
  @ApiProperty({ type: ReportTextsViewDto }) texts!: ReportTextsViewDto;
  @ApiProperty() version!: number;
  @ApiProperty() contentDigest!: string;
  @ApiProperty({ type: String, nullable: true }) anchorDigest!: string | null;
  @ApiProperty({ description: 'case chains the anchor holds' }) anchoredChains!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: [ReportEventViewDto], description: 'oldest first' }) history!: ReportEventViewDto[];
}

export class BrokenChainDto implements BrokenChain {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty() reason!: string;
}

export class AnchorVerdictDto implements AnchorVerdict {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId!: string | null;
  @ApiProperty() digest!: string;
  @ApiProperty({ description: 'false: the stored anchor no longer hashes to its digest' }) anchorIntact!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty({ type: [BrokenChainDto] }) broken!: BrokenChainDto[];
}

// A table of figures as the exports print it.
export class ReportTableDto implements ExportTable {
  @ApiProperty({ description: 'the workbook sheet it is printed on' }) sheet!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) header!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true } },
    description: 'a row per category: its words, then its numbers; "<5" where a count is suppressed',
  })
  rows!: Value[][];
}

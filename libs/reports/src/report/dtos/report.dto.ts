import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Text } from '@dh/cases';
import { PageQueryDto } from '@dh/errors';
import { SchoolYear } from '@dh/school-records';
import { EXPORT_FORMATS, ExportFormat } from '../../report-export/report-document';
import {
  REASON_MAX,
  REPORT_STATUSES,
  ReportStatus,
  SCHOOL_REPORT_KINDS,
  SchoolReportKind,
  SECTION_MAX,
} from '../report-content';

export class IncidentDto {
  @ApiProperty({ format: 'uuid', description: 'hồ sơ của vụ việc / the case of the incident' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ maxLength: REASON_MAX, description: 'tóm tắt vụ việc, không nêu tên học sinh / no learner’s name' })
  @Text(REASON_MAX)
  summary!: string;
}

export class CreateReportDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ enum: SCHOOL_REPORT_KINDS, enumName: 'SchoolReportKind' })
  @IsIn(SCHOOL_REPORT_KINDS)
  kind!: SchoolReportKind;

  @ApiProperty({ example: '2026-2027' })
  @SchoolYear()
  schoolYear!: string;

  @ApiPropertyOptional({ type: IncidentDto, description: 'bắt buộc với báo cáo vụ việc / required for an incident' })
  @ValidateIf((o: CreateReportDto) => o.kind === 'incident' || o.incident !== undefined)
  @IsDefined({ message: 'incident là bắt buộc với báo cáo vụ việc / incident is required for an incident report' })
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentDto)
  incident?: IncidentDto;
}

// Each section the principal writes; an absent one stays as it is, an empty string clears it.
export class ReportTextsDto {
  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Công tác chỉ đạo, triển khai / direction and plan' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_MAX)
  direction?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Công tác phối hợp / coordination' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_MAX)
  coordination?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Kết quả đạt được / results' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_MAX)
  results?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Khó khăn, nguyên nhân / difficulties and causes' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_MAX)
  difficulties?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Đề xuất, kiến nghị / proposals' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_MAX)
  proposals?: string;
}

export class ReportVersionDto {
  @ApiProperty({ description: 'the version read: a report changed meanwhile answers 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class UpdateReportDto extends ReportVersionDto {
  @ApiProperty({ type: ReportTextsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportTextsDto)
  texts!: ReportTextsDto;
}

export class ReturnReportDto extends ReportVersionDto {
  @ApiProperty({ maxLength: REASON_MAX, description: 'vì sao trả lại / why it goes back to the school' })
  @Text(REASON_MAX)
  reason!: string;
}

export class ListReportsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @SchoolYear()
  schoolYear?: string;

  @ApiPropertyOptional({ enum: SCHOOL_REPORT_KINDS, enumName: 'SchoolReportKind' })
  @IsOptional()
  @IsIn(SCHOOL_REPORT_KINDS)
  kind?: SchoolReportKind;

  @ApiPropertyOptional({ enum: REPORT_STATUSES, enumName: 'ReportStatus' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, enumName: 'ReportExportFormat' })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

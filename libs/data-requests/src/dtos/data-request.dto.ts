import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DATA_REQUEST_KINDS, DataRequestKind } from '../data-request.entity';

export class CreateDataRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  learnerId!: string;

  @ApiProperty({ enum: DATA_REQUEST_KINDS, enumName: 'DataRequestKind' })
  @IsIn(DATA_REQUEST_KINDS)
  kind!: DataRequestKind;

  @ApiProperty({ example: 'Trần Thị Mai Hương', description: 'Người yêu cầu / who asked' })
  @IsString()
  @Matches(/\S/, { message: 'requestedBy must not be empty' })
  @MaxLength(200)
  requestedBy!: string;

  @ApiProperty({ example: 'mẹ', description: 'Quan hệ với học sinh (hoặc "học sinh") / relationship to the learner' })
  @IsString()
  @Matches(/\S/, { message: 'relationship must not be empty' })
  @MaxLength(100)
  relationship!: string;

  @ApiProperty({
    example: '2026-03-02T08:00:00+07:00',
    description: 'Khi yêu cầu đến nhà trường / when it was received',
  })
  @IsISO8601({ strict: true })
  receivedAt!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Nội dung yêu cầu / what is asked' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  details?: string;
}

export const RECTIFIABLE = ['summary', 'familyCircumstances', 'actionsTaken', 'fullName', 'className'] as const;
export type RectifiableField = (typeof RECTIFIABLE)[number];
export const CASE_FIELDS: readonly RectifiableField[] = ['summary', 'familyCircumstances', 'actionsTaken'];

export class RectifyDto {
  @ApiProperty({
    enum: RECTIFIABLE,
    description:
      'summary, familyCircumstances, actionsTaken: của một hồ sơ (caseId) / of one case; fullName, className: của học sinh / the learner’s',
  })
  @IsIn(RECTIFIABLE)
  field!: RectifiableField;

  @ApiPropertyOptional({ format: 'uuid', description: 'Bắt buộc với trường của hồ sơ / required for a case field' })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;

  @ApiProperty({ example: 'Em sống với mẹ và bà ngoại (đã sửa theo yêu cầu của mẹ em).' })
  @IsString()
  @Matches(/\S/, { message: 'value must not be empty' })
  @MaxLength(4000)
  value!: string;
}

export class DataRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'uuid' }) learnerId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Họ tên học sinh / the learner’s name' })
  learnerName!: string | null;
  @ApiProperty({ enum: DATA_REQUEST_KINDS, enumName: 'DataRequestKind' }) kind!: DataRequestKind;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() relationship!: string;
  @ApiProperty({ type: String, nullable: true }) details!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Thời gian làm việc còn lại (ms), 0 khi quá hạn; null khi đã trả lời / working ms left',
  })
  remainingWorkingMs!: number | null;
  @ApiProperty({ enum: ['open', 'done', 'refused'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Kết quả / what was done, or why refused' })
  outcome!: Record<string, unknown> | null;
}

export class LearnerExportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ type: Object, description: 'Học sinh và gia đình / the learner and family' })
  learner!: Record<string, unknown>;
  @ApiProperty({
    type: Object,
    isArray: true,
    description:
      'Mỗi hồ sơ: thông tin, diễn biến, ghi chép, sự đồng ý, chuyển gửi / each case: view, history, records, consents, referrals',
  })
  cases!: Record<string, unknown>[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { Text } from '@dh/cases';

// One call closes at most this many: a flood past it is closed by calling again (`remaining` says how many wait).
export const BULK_CLOSE_MAX = 500;

export class BulkCloseDto {
  @ApiProperty({ description: 'Trường của các tin báo / the school whose marked reports are closed' })
  @IsUUID('all')
  schoolId!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: BULK_CLOSE_MAX,
    description:
      'Chỉ các hồ sơ này (bỏ trống: mọi tin báo đang chờ phân loại hàng loạt) / only these cases (omitted: every marked report still at intake)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_CLOSE_MAX)
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiProperty({
    maxLength: 10000,
    description: 'Lý do kết thúc, ghi vào từng hồ sơ / the reason, recorded in each case’s history',
  })
  @Text(10000)
  reason!: string;
}

// Why a case named or found was left alone.
export type SkipReason = 'not_found' | 'not_marked' | 'not_at_intake' | 'changed_meanwhile' | 'refused';

export type BulkCloseAnswer = {
  closed: string[];
  skipped: { caseId: string; reason: SkipReason }[];
  remaining: number;
};

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { RiskLevel } from '@dh/machines/case/types';
import { AREA_CODES, AreaCode, RISK_LEVELS } from '../case.entity';
import { PageQueryDto } from '@dh/errors';
import { IsCaseCursor } from '../list/case-cursor';
import { OFFSET_REACH, WithinPageReach } from '../list/page-reach';

const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCasesDto extends PageQueryDto {
  @ApiPropertyOptional({
    default: 1,
    description: `trang theo số, tới ${OFFSET_REACH} hồ sơ đầu; xa hơn đi bằng cursor / page number, reaching the first ${OFFSET_REACH} cases; beyond them follow nextCursor`,
  })
  @WithinPageReach()
  override page: number = 1;

  @ApiPropertyOptional({
    description:
      'vị trí tiếp theo: nextCursor của trang trước / where the page starts: the previous page’s nextCursor (same filters)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsCaseCursor()
  cursor?: string;

  @ApiPropertyOptional({ description: 'e.g. intake, referral (all of its sub-states) or referral.pending' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Matches(/^[a-zA-Z]+(\.[a-zA-Z]+)?$/, { message: 'state must be a state name' })
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'true: chưa phân công / without an assignee' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ enum: AREA_CODES })
  @IsOptional()
  @IsIn(AREA_CODES)
  area?: AreaCode;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  risk?: RiskLevel;

  @ApiPropertyOptional({ description: 'true: có hạn đã quá / with a deadline past due' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description:
      'số hồ sơ hoặc tên học sinh, có hoặc không dấu / case number or learner name, with or without diacritics',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: 'true: tin báo trực tuyến chờ phân loại hàng loạt / public reports marked for bulk triage (a flood)',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  bulkTriage?: boolean;
}

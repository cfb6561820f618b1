import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import type { CaseEventType } from '@dh/machines/case/types';
import { CASE_EVENT_TYPES } from './event-payloads';

export class CaseEventDto {
  @ApiProperty({ enum: CASE_EVENT_TYPES })
  @IsIn(CASE_EVENT_TYPES)
  type!: CaseEventType;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'see DESIGN.md: required payload per event type',
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;

  @ApiProperty({ description: 'the case version the client saw; a stale one answers 409' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  expectedVersion!: number;
}

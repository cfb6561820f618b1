import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class WardFiguresQueryDto {
  @ApiPropertyOptional({ description: 'one school; without it, every school the caller reaches' })
  @IsOptional()
  @IsUUID('all')
  schoolId?: string;
}

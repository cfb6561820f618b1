import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dh/errors';

export class SearchLearnersDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  schoolId?: string;

  @ApiPropertyOptional({ description: 'tên, có hoặc không dấu / name, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class PauseClocksDto {
  @ApiProperty({ example: 'Học sinh nằm viện từ ngày 02/3.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

export class ResumeClocksDto {
  @ApiPropertyOptional({ example: 'Học sinh đã đi học trở lại.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { RankedAreaDto } from '@dh/cases';

export class IdentifyLearnerDto {
  @ApiProperty()
  @IsUUID('all')
  learnerId!: string;

  // A report from the public form arrives without content areas: the team ranks them when it knows more.
  @ApiPropertyOptional({ type: [RankedAreaDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => RankedAreaDto)
  areas?: RankedAreaDto[];
}

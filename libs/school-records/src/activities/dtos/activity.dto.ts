import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AREA_CODES, AreaCode } from '@dh/cases';
import { NonBlankText } from '@dh/errors';
import { SchoolYearQueryDto } from '../../dtos/school-year-query.dto';
import { Day } from '../../school-year';
import { ACTIVITY_KINDS, ActivityKind } from '../activity.entity';

const MAX_PEOPLE = 100_000;

// An activity as the school's keeper writes it; a PUT replaces all of it.
export class ActivityDto {
  @ApiProperty({ format: 'date', example: '2026-10-12' })
  @Day('date')
  date!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ example: 'Chuyên đề phòng chống bắt nạt trực tuyến', description: 'the activity’s title' })
  @NonBlankText(300)
  name!: string;

  @ApiProperty({ enum: AREA_CODES, enumName: 'AreaCode', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AREA_CODES.length)
  @ArrayUnique()
  @IsIn(AREA_CODES, { each: true })
  areas!: AreaCode[];

  @ApiProperty({ type: [Number], example: [6, 7], description: 'learners of these grades (1–12); empty: none' })
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades!: number[];

  @ApiProperty({ description: 'parents were among the audience' })
  @IsBoolean()
  parents!: boolean;

  @ApiProperty({ description: 'teachers were among the audience' })
  @IsBoolean()
  teachers!: boolean;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  participants!: number;

  @ApiProperty({ example: 64, description: 'of the participants, girls and women' })
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  girls!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Đoàn phường, Trạm Y tế phường' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  partners?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class CreateActivityDto extends IntersectionType(SchoolYearQueryDto, ActivityDto) {}

import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NonBlankText } from '@dh/errors';
import { SchoolYearQueryDto } from '../../dtos/school-year-query.dto';
import { Day } from '../../school-year';

// A course followed, as the school's keeper writes it; a PUT replaces all of it. `durationHours`, not `hours`:
// the API's `hours` are a receiver's opening hours.
export class TrainingDto {
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'who followed the course' })
  @NonBlankText(200)
  fullName!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'an account of the school, if any',
  })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @ApiProperty({ example: 'Bồi dưỡng kỹ năng tư vấn tâm lý học đường' })
  @NonBlankText(300)
  course!: string;

  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo Hà Nội' })
  @NonBlankText(300)
  organiser!: string;

  @ApiProperty({ example: 16, description: 'hours of training, more than 0 and at most 1000, to a tenth' })
  @IsNumber(
    { maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false },
    {
      message:
        'Số giờ phải là một số, tối đa một chữ số thập phân / durationHours must be a number with at most one decimal',
    },
  )
  @Min(0.1, { message: 'Số giờ phải lớn hơn 0 / durationHours must be more than 0' })
  @Max(1000, { message: 'Số giờ không được lớn hơn 1000 / durationHours must be at most 1000' })
  durationHours!: number;

  @ApiProperty({ format: 'date', example: '2026-10-05' })
  @Day('fromDate')
  fromDate!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'empty: a one-day course' })
  @IsOptional()
  @Day('toDate')
  toDate?: string | null;

  @ApiProperty({ description: 'a certificate was given' })
  @IsBoolean()
  certificate!: boolean;
}

export class CreateTrainingDto extends IntersectionType(SchoolYearQueryDto, TrainingDto) {}

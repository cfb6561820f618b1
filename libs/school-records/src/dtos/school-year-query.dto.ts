import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { SchoolYear } from '../school-year';

// Whose records, and of which school year.
export class SchoolYearQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  schoolId!: string;

  @ApiProperty({ example: '2026-2027', description: 'năm học / the school year, the second year the first plus one' })
  @SchoolYear()
  schoolYear!: string;
}

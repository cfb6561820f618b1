import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SchoolFiguresQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the school' })
  @IsUUID('all')
  schoolId!: string;
}

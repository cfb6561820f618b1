import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { RosterMapping } from '../roster-columns';

const header = (description: string) =>
  ApiPropertyOptional({ description: `${description}: tên cột trong tệp / the file's column header` });

// Each field → the header of the column that holds it; the name, birth date and class are required of a
// confirmed mapping (the service says which is missing).
export class RosterMappingDto implements RosterMapping {
  @header('Họ và tên / full name')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fullName?: string;

  @header('Ngày sinh / date of birth')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  dateOfBirth?: string;

  @header('Giới tính / sex')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sex?: string;

  @header('Lớp / class')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  className?: string;

  @header('Mã định danh / national learner ID')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nationalId?: string;

  @header('Họ tên cha/mẹ / parent or guardian')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  guardianName?: string;

  @header('Số điện thoại / phone')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  guardianPhone?: string;
}

export class ChangeRosterMappingDto {
  @ApiProperty({ type: RosterMappingDto })
  @ValidateNested()
  @Type(() => RosterMappingDto)
  mapping!: RosterMappingDto;
}

// A row the look-alike rule could not decide: the person names the learner it is, or null for a new learner.
export class RosterResolutionDto {
  @ApiProperty({ description: 'Số dòng trong tệp / the row number in the file' })
  @IsInt()
  @Min(1)
  row!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: một học sinh mới / a new learner' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all')
  learnerId!: string | null;
}

export class ConfirmRosterImportDto extends ChangeRosterMappingDto {
  // A full roster marks the school's learners it does not list as having left; a partial one (new pupils only)
  // leaves them as they are.
  @ApiPropertyOptional({
    default: true,
    description: 'Danh sách đầy đủ của trường / the full roster: learners it does not list have left',
  })
  @IsOptional()
  @IsBoolean()
  fullRoster?: boolean;

  @ApiPropertyOptional({ type: [RosterResolutionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => RosterResolutionDto)
  resolutions?: RosterResolutionDto[];
}

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

// A row the look-alike rule could not decide: the person names the learner it is (one of its candidates), or null
// for a new learner. A doubtful row without a resolution is skipped: not imported, listed in the outcome.
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
  // A full roster marks the school's learners it does not list as having left; a partial one (one class, new
  // pupils only) leaves them as they are. Partial unless said: a one-class file confirmed without a second look
  // must not mark the rest of the school as gone.
  @ApiPropertyOptional({
    default: false,
    description:
      'Danh sách toàn trường: học sinh không có trong tệp được đánh dấu đã rời trường (mặc định: không) / the full roster: learners it does not list are marked as having left (default: no)',
  })
  @IsOptional()
  @IsBoolean()
  fullRoster?: boolean;

  @ApiPropertyOptional({
    type: [RosterResolutionDto],
    description:
      'Quyết định cho các dòng cần xác nhận; dòng không có quyết định bị bỏ qua / decisions on the doubtful rows; a row without one is skipped',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => RosterResolutionDto)
  resolutions?: RosterResolutionDto[];
}

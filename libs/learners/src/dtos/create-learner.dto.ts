import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { NonBlankText } from '@dh/errors';
import { GUARDIAN_BORN_FROM } from '../family-problems';
import type { Sex } from '../learner.entity';

export class GuardianDto {
  @ApiProperty({ example: 'Nguyễn Văn Hùng' })
  @NonBlankText(200)
  fullName!: string;

  @ApiProperty({ example: 'bố' })
  @NonBlankText(100)
  relationship!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+ ().-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  // The forms print a parent's age from it; a year after this one is refused by the service (learner-age.ts).
  @ApiPropertyOptional({ example: 1982, description: 'Năm sinh / year of birth' })
  @IsOptional()
  @IsInt()
  @Min(GUARDIAN_BORN_FROM)
  yearOfBirth?: number;

  @ApiPropertyOptional({ example: 'Công nhân', description: 'Nghề nghiệp / occupation' })
  @IsOptional()
  @NonBlankText(200)
  occupation?: string;

  @ApiPropertyOptional({ description: 'Người đang trực tiếp chăm sóc học sinh / the current carer (at most one)' })
  @IsOptional()
  @IsBoolean()
  currentCarer?: boolean;
}

export class CreateLearnerDto {
  @ApiProperty()
  @IsUUID('all')
  schoolId!: string;

  // Stored as typed (trimmed): the look-alike check and the search compare its skeleton (learner-name-key.ts).
  @ApiProperty({ example: 'Nguyễn Văn Đức' })
  @NonBlankText(200)
  fullName!: string;

  @ApiProperty({ example: '2013-05-14' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be YYYY-MM-DD' })
  dateOfBirth!: string;

  @ApiProperty({ enum: ['nam', 'nu', 'khong_ro'] })
  @IsIn(['nam', 'nu', 'khong_ro'])
  sex!: Sex;

  @ApiProperty({ example: '7A2' })
  @NonBlankText(50)
  className!: string;

  @ApiPropertyOptional({ type: [GuardianDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GuardianDto)
  guardians?: GuardianDto[];

  // Set after a 409: the counsellor has checked that this is a different child with the same name and birthday.
  @ApiPropertyOptional({
    description: 'true: không phải cùng một học sinh / a different person despite the same name and date of birth',
  })
  @IsOptional()
  @IsBoolean()
  confirmDistinct?: boolean;
}

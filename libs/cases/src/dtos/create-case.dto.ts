import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NonBlankText } from '@dh/errors';
import type { RiskLevel } from '@dh/machines/case/types';
import { AREA_CODES, AreaCode, Channel, CHANNELS, RISK_LEVELS } from '../case.entity';
import { ReceivedAtField, ReceivedLateReasonField } from '../received-at';

export class RankedAreaDto {
  @ApiProperty({ enum: AREA_CODES })
  @IsIn(AREA_CODES)
  code!: AreaCode;

  @ApiProperty({ minimum: 1, maximum: 7 })
  @IsInt()
  @Min(1)
  @Max(7)
  priority!: number;
}

export class ReporterDto {
  @ApiProperty()
  @IsBoolean()
  anonymous!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+ ().-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'giáo viên chủ nhiệm' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  relationship?: string;
}

export class CreateCaseDto {
  @ApiProperty()
  @IsUUID('all')
  schoolId!: string;

  @ApiProperty()
  @IsUUID('all')
  learnerId!: string;

  @ApiProperty({ type: [RankedAreaDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => RankedAreaDto)
  areas!: RankedAreaDto[];

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary!: string;

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  riskRationale!: string;

  // Mẫu 01: what the intake learned of the family, and what the school has already done.
  @ApiPropertyOptional({ description: 'Hoàn cảnh gia đình / family circumstances' })
  @IsOptional()
  @NonBlankText(5000)
  familyCircumstances?: string;

  @ApiPropertyOptional({ description: 'Những việc đã làm / actions already taken' })
  @IsOptional()
  @NonBlankText(5000)
  actionsTaken?: string;

  @ApiPropertyOptional({ type: ReporterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string;

  @ApiPropertyOptional({
    example: '2026-03-02T16:00:00+07:00',
    description:
      'Khi thông tin đến với nhà trường (mặc định: lúc ghi nhận) / when the information reached the school (default: now); every clock counts from it',
  })
  @ReceivedAtField()
  receivedAt?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      'Bắt buộc khi thời điểm tiếp nhận cách đây hơn 30 ngày / required when receivedAt is more than 30 days ago',
  })
  @ReceivedLateReasonField()
  receivedLateReason?: string;

  @ApiPropertyOptional({
    description:
      'vụ việc bạo lực học đường (Nghị định 80/2017): gia đình được thông báo trong 24 giờ / a school-violence incident (Decree 80/2017): the family is to be told within 24 hours',
  })
  @IsOptional()
  @IsBoolean()
  schoolViolence?: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NonBlankText, PageQueryDto } from '@dh/errors';
import {
  BREACH_CATEGORIES,
  BREACH_FINDINGS,
  BreachCategory,
  BreachFinding,
  NOTICE_WAYS,
  NoticeWay,
} from '../breach.entity';

const LONG = 5000;
const PHONE = /^\+?\d(?: ?\d){2,14}$/;

// An instant with its offset: a time without one means a different moment to each server.
const Instant = (example: string): PropertyDecorator => {
  const decorators = [
    ApiProperty({ example, format: 'date-time' }),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: ({ property }) => `${property} must be an ISO 8601 instant with its offset`,
    }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

export class BreachResponsibleDto {
  @ApiProperty({ example: 'Nguyễn Văn Hùng' })
  @NonBlankText(200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Phó Chủ tịch UBND phường, phụ trách hệ thống Đồng Hành' })
  @IsOptional()
  @NonBlankText(200)
  position?: string;

  @ApiProperty({ example: '024 3851 1234' })
  @IsString()
  @Matches(PHONE, { message: 'phone must be 3 to 15 digits, single spaces and an optional leading +' })
  phone!: string;

  @ApiPropertyOptional({ example: 'bvdlcn@dongda.hanoi.gov.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;
}

export class RecordBreachDto {
  @ApiProperty({ example: 'Một máy tính xách tay của tổ tư vấn lưu bản sao hồ sơ bị mất tại trường.' })
  @NonBlankText(LONG)
  description!: string;

  @Instant('2026-02-13T10:00:00+07:00')
  detectedAt!: string;

  @ApiProperty({ enum: BREACH_CATEGORIES, isArray: true, example: ['identity', 'counselling'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BREACH_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(BREACH_CATEGORIES, { each: true })
  categories!: BreachCategory[];

  @ApiProperty({ example: 120, description: 'learners whose data the breach touches, as best known now' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  subjectsEstimate!: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'the schools concerned; none: not limited to named schools, so every school',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  schoolIds?: string[];

  @ApiProperty({ example: 'Lộ thông tin về hoàn cảnh gia đình và nội dung tư vấn của học sinh.' })
  @NonBlankText(LONG)
  consequences!: string;

  @ApiProperty({ example: 'Đã khóa tài khoản liên quan, đổi mật khẩu, báo công an phường.' })
  @NonBlankText(LONG)
  measuresTaken!: string;

  @ApiProperty({ type: BreachResponsibleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BreachResponsibleDto)
  responsible!: BreachResponsibleDto;
}

export class AuthorityNotificationDto {
  @Instant('2026-02-14T16:00:00+07:00')
  notifiedAt!: string;

  @ApiPropertyOptional({ example: '15/UBND-VHXH' })
  @IsOptional()
  @NonBlankText(200)
  reference?: string;

  @ApiPropertyOptional({ description: 'required when the authority was told after the 72 hours' })
  @IsOptional()
  @NonBlankText(2000)
  lateReason?: string;
}

export class GuardianNotificationDto {
  @Instant('2026-02-15T09:00:00+07:00')
  notifiedAt!: string;

  @ApiProperty({ example: 118 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  guardiansNotified!: number;

  @ApiProperty({ enum: NOTICE_WAYS })
  @IsIn(NOTICE_WAYS)
  how!: NoticeWay;
}

export class CloseBreachDto {
  @ApiProperty({ enum: BREACH_FINDINGS, description: 'not_a_breach: the suspicion proved unfounded' })
  @IsIn(BREACH_FINDINGS)
  finding!: BreachFinding;

  @ApiProperty({ example: 'Đã thu hồi thiết bị; không có dấu hiệu dữ liệu bị truy cập.' })
  @NonBlankText(LONG)
  outcome!: string;
}

export class ListBreachesDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only breaches not closed yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';
import { CONSENT_GIVERS, CONSENT_KINDS, CONSENT_WAYS, ConsentGiver, ConsentKind, ConsentWay } from '../consent.entity';

export class ConsentGuardianDto {
  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be empty' })
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: 'mẹ' })
  @IsString()
  @Matches(/\S/, { message: 'relationship must not be empty' })
  @MaxLength(100)
  relationship!: string;
}

export class ConsentScopeDto {
  @ApiProperty({ enum: CONSENT_KINDS })
  @IsIn(CONSENT_KINDS)
  kind!: ConsentKind;

  @ApiPropertyOptional({
    description:
      'một đơn vị trong danh bạ dịch vụ; bỏ trống: mọi đơn vị cùng loại / a directory organisation; absent: any receiver of this kind',
  })
  @IsOptional()
  @IsUUID('all')
  receiverId?: string;

  @ApiProperty({ example: 'Chuyển gửi để được đánh giá tâm lý chuyên sâu.' })
  @IsString()
  @Matches(/\S/, { message: 'purpose must not be empty' })
  @MaxLength(2000)
  purpose!: string;
}

// A guardian is named exactly when the guardian gave the consent.
@ValidatorConstraint({ name: 'guardianOnlyForGuardian' })
class GuardianOnlyForGuardian implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return (args.object as RecordConsentDto).givenBy === 'guardian';
  }

  defaultMessage(): string {
    return 'guardian is given only when givenBy is guardian';
  }
}

export class RecordConsentDto {
  @ApiProperty({ enum: CONSENT_GIVERS })
  @IsIn(CONSENT_GIVERS)
  givenBy!: ConsentGiver;

  @ApiPropertyOptional({
    type: ConsentGuardianDto,
    description: 'bắt buộc khi givenBy là guardian / required when givenBy is guardian',
  })
  @ValidateIf((o: RecordConsentDto) => o.givenBy === 'guardian' || o.guardian !== undefined)
  @IsDefined({ message: 'guardian is required when givenBy is guardian' })
  @Validate(GuardianOnlyForGuardian)
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentGuardianDto)
  guardian?: ConsentGuardianDto;

  @ApiProperty({ type: ConsentScopeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentScopeDto)
  scope!: ConsentScopeDto;

  @ApiProperty({
    example: '2026-03-02',
    description: 'ngày đồng ý, không được ở sau ngày hiện tại / the day it was given, not in the future',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'givenAt must be YYYY-MM-DD' })
  givenAt!: string;

  @ApiProperty({
    enum: CONSENT_WAYS,
    description: 'van_ban: văn bản; truc_tiep: trực tiếp bằng lời; dien_thoai: điện thoại; truc_tuyen: trực tuyến',
  })
  @IsIn(CONSENT_WAYS)
  how!: ConsentWay;
}

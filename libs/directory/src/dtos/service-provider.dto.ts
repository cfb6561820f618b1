import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PROVIDER_KINDS, ProviderKind } from '../service-provider.entity';

// Digits, single spaces and a leading +: from the 3-digit 111 hotline to a 15-digit international number.
export const PHONE_PATTERN = /^\+?\d(?: ?\d){2,14}$/;

// What an admin types about a receiver; a PUT replaces all of it, so a field left out is cleared.
// The seed file's entries are checked against the same class.
export class ServiceProviderDto {
  @ApiProperty({ example: 'Trạm Y tế phường Đống Đa' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(300)
  name!: string;

  @ApiProperty({ enum: PROVIDER_KINDS })
  @IsIn(PROVIDER_KINDS)
  kind!: ProviderKind;

  @ApiPropertyOptional({ example: '12 phố Hào Nam, phường Đống Đa, Hà Nội' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ example: '024 3851 1234' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be 3 to 15 digits, single spaces and an optional leading +' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'tramyte.dongda@hanoi.gov.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: 'Thứ Hai – Thứ Sáu, 7:30–17:00' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  hours?: string | null;

  @ApiPropertyOptional({ example: 'Bác sĩ Nguyễn Văn An' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactPerson?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class CreateServiceProviderDto extends ServiceProviderDto {
  @ApiPropertyOptional({ description: 'the ward whose directory receives it; default the admin’s own ward' })
  @IsOptional()
  @IsUUID('all')
  wardId?: string;
}

export class DirectoryQueryDto {
  @ApiPropertyOptional({ enum: PROVIDER_KINDS })
  @IsOptional()
  @IsIn(PROVIDER_KINDS)
  kind?: ProviderKind;

  @ApiPropertyOptional({
    description: 'words of the name, address, contact person or notes, with or without diacritics',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: false, description: 'also the receivers a ward no longer refers to' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;

  @ApiPropertyOptional({ description: 'one ward; without it, every ward the caller reaches' })
  @IsOptional()
  @IsUUID('all')
  wardId?: string;
}

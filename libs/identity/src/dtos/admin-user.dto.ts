import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NonBlankText } from '@dh/errors';
import { ROLES, type Role } from '@dh/machines/case/types';
import { ContactEmail, ContactPhone } from './contact.dto';

export class UserAccessDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  schoolIds!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  wardId?: string;
}

export class CreateUserDto extends UserAccessDto {
  @ApiProperty({ example: 'tv.kimlien2' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,50}$/, { message: 'username must be 3–50 of a-z, 0-9, . _ -' })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @NonBlankText(200)
  fullName!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ContactEmail()
  email?: string | null;

  @ContactPhone()
  phone?: string | null;
}

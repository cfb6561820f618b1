import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { SecondFactorEnrolment } from '../second-factor.service';

export class SecondFactorCodeDto {
  @ApiProperty({ example: '123456', description: 'the 6-digit code the authenticator app shows now' })
  @IsString()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'mã gồm 6 chữ số / a code of 6 digits' })
  code!: string;
}

export class SecondFactorEnrolmentDto implements SecondFactorEnrolment {
  @ApiProperty({ description: 'the shared secret, base32 (RFC 4648), shown this once' }) secret!: string;
  @ApiProperty({ description: 'otpauth://totp/… for an authenticator app to scan, shown this once' })
  otpauthUri!: string;
  @ApiProperty({ type: [String], description: 'single-use recovery codes, shown this once' })
  recoveryCodes!: string[];
}

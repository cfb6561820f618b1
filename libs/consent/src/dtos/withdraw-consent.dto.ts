import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class WithdrawConsentDto {
  @ApiProperty({ example: 'Gia đình muốn tự liên hệ với cơ sở điều trị.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

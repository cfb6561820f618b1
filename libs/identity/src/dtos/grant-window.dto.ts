import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';

// Why a grant is given and until when: what an auditor's grant and a principal's grant on one case both ask.
export class GrantWindowDto {
  @ApiProperty({ example: 'Kiểm tra công tác tư vấn học đường năm học 2025–2026 theo kế hoạch của phường.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ example: '2026-06-30T17:00:00+07:00' })
  @IsISO8601({ strict: true })
  expiresAt!: string;
}

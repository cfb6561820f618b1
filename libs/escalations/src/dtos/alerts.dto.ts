import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dh/errors';

// The ladder's rungs, a critical risk, a report from the public form and a flood of it summed up: the alerts
// a report counts.
export const CASE_ALERT_LEVELS = [
  'reminder',
  'overdue',
  'principal',
  'ward',
  'critical_risk',
  'public_intake',
  'public_intake_flood',
];
// A message that could not leave the app is about the school's mail, not about a learner; a file refused by the
// virus scanner is about the school's machines; a transfer request that expired unanswered is about two schools'
// paperwork.
export const ALERT_LEVELS = [...CASE_ALERT_LEVELS, 'delivery_failed', 'malware_refused', 'transfer_expired'];

export class ListAlertsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: chỉ cảnh báo chưa xác nhận / only unacknowledged' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unacknowledged?: boolean;

  @ApiPropertyOptional({
    enum: ALERT_LEVELS,
    description: 'public_intake_flood: the summary of a flood of the public form (no case)',
  })
  @IsOptional()
  @IsIn(ALERT_LEVELS)
  level?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  caseId?: string;
}

export class AckAlertDto {
  @ApiProperty({
    description: 'việc tiếp theo người nhận cam kết làm / the next action the recipient commits to',
    example: 'Gặp học sinh trong sáng thứ Hai.',
  })
  @IsString()
  @Matches(/\S/, { message: 'nextAction must not be empty' })
  @MaxLength(2000)
  nextAction!: string;
}

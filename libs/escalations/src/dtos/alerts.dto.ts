import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dh/errors';

// The ladder's rungs, a critical risk, a report from the public form, a flood of it summed up, and a message
// that could not be delivered outside the app.
export const ALERT_LEVELS = [
  'reminder',
  'overdue',
  'principal',
  'ward',
  'critical_risk',
  'public_intake',
  'public_intake_flood',
  'delivery_failed',
];

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

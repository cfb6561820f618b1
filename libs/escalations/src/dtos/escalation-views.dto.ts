import { ApiProperty } from '@nestjs/swagger';
import type { AlertView } from '../alert.service';
import { ALERT_LEVELS } from './alerts.dto';
import { DeadlineRule, Level, LEVELS } from '../deadline.entity';
import type { DeadlineView } from '../deadline.service';

const DEADLINE_RULES: DeadlineRule[] = ['default', 'plan_review_date', 'plan_end_date'];

export class DeadlineViewDto implements DeadlineView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'assessment' }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the school learned of what the clock is about' })
  startedAt!: string;
  @ApiProperty({ enum: DEADLINE_RULES, enumName: 'DeadlineRule' }) rule!: DeadlineRule;
  @ApiProperty({
    enum: LEVELS,
    enumName: 'EscalationLevel',
    nullable: true,
    description: 'the highest level reached, if any',
  })
  level!: Level | null;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'working milliseconds left, while paused' })
  remainingWorkingMs!: number | null;
}

export class AlertViewDto implements AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) recipientId!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DD-2026-0001', description: 'null for an alert of no case' })
  caseCode!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) deadlineId!: string | null;
  @ApiProperty({ enum: ALERT_LEVELS, enumName: 'AlertLevel' }) level!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() reasonEn!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) nextAction!: string | null;
}

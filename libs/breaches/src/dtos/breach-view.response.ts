import { ApiProperty } from '@nestjs/swagger';
import { LEVELS, type Level } from '@dh/escalations';
import {
  BREACH_CATEGORIES,
  BREACH_FINDINGS,
  BreachCategory,
  BreachFinding,
  NOTICE_WAYS,
  NoticeWay,
} from '../breach.entity';
import type { BreachStatus, BreachView } from '../breaches.service';

type Of<K extends keyof BreachView> = NonNullable<BreachView[K]>;

export class BreachSchoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class BreachResponsibleViewDto implements Of<'responsible'> {
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty() phone!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class AuthorityNotificationViewDto implements Of<'authorityNotification'> {
  @ApiProperty({ format: 'date-time' }) notifiedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ description: 'told after the 72 hours' }) late!: boolean;
  @ApiProperty({ type: String, nullable: true }) lateReason!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
}

export class GuardianNotificationViewDto implements Of<'guardianNotification'> {
  @ApiProperty({ format: 'date-time' }) notifiedAt!: string;
  @ApiProperty() guardiansNotified!: number;
  @ApiProperty({ enum: NOTICE_WAYS, enumName: 'BreachNoticeWay' }) how!: NoticeWay;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
}

export class BreachClosureViewDto implements Of<'closure'> {
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ enum: BREACH_FINDINGS, enumName: 'BreachFinding' }) finding!: BreachFinding;
  @ApiProperty() outcome!: string;
  @ApiProperty({ format: 'uuid' }) closedBy!: string;
}

export class BreachViewDto implements BreachView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date-time' }) detectedAt!: string;
  @ApiProperty({ enum: BREACH_CATEGORIES, enumName: 'BreachCategory', isArray: true }) categories!: BreachCategory[];
  @ApiProperty() subjectsEstimate!: number;
  @ApiProperty({ type: [BreachSchoolDto], description: 'empty: the breach concerns every school' })
  schools!: BreachSchoolDto[];
  @ApiProperty() consequences!: string;
  @ApiProperty() measuresTaken!: string;
  @ApiProperty({ type: BreachResponsibleViewDto }) responsible!: BreachResponsibleViewDto;
  @ApiProperty({ enum: ['open', 'authority_notified', 'closed'], enumName: 'BreachStatus' }) status!: BreachStatus;
  @ApiProperty({ format: 'date-time', description: '72 calendar hours after detection' }) dueAt!: string;
  @ApiProperty({ description: 'the 72 hours passed and the authority was not told' }) overdue!: boolean;
  @ApiProperty({ enum: LEVELS, enumName: 'BreachEscalation', nullable: true, type: String })
  escalation!: Level | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: AuthorityNotificationViewDto, nullable: true })
  authorityNotification!: AuthorityNotificationViewDto | null;
  @ApiProperty({ type: GuardianNotificationViewDto, nullable: true })
  guardianNotification!: GuardianNotificationViewDto | null;
  @ApiProperty({ type: BreachClosureViewDto, nullable: true }) closure!: BreachClosureViewDto | null;
}

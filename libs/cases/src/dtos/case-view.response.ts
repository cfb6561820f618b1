import { ApiProperty } from '@nestjs/swagger';
import { DeadlineViewDto } from '@dh/escalations';
import type { CaseEventType } from '@dh/machines/case/types';
import { CHANNELS, Channel, RISK_LEVELS } from '../case.entity';
import type { CaseView } from '../case-view';
import { RankedAreaDto } from './create-case.dto';
import { CASE_EVENT_TYPES } from './event-payloads';

export class LegalHoldStateDto {
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placedBy!: string | null;
}

export class CaseViewDto implements CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'TH-2026-0001' }) code!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null until the team names the learner of a public report',
  })
  learnerId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Nguyễn Văn Đức',
    description: "the learner's name, for the school's case team; null for others and before the learner is named",
  })
  learnerName!: string | null;
  @ApiProperty({ example: 'intake', description: 'the stage, as the case’s machine names it' }) state!: string;
  @ApiProperty({ type: String, nullable: true, description: "case@2 and later: 'none' | 'open' | 'notified'" })
  protection!: string | null;
  @ApiProperty({ example: 'case@2' }) machineVersion!: string;
  @ApiProperty({ description: 'expectedVersion for the next event' }) version!: number;
  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel' }) riskLevel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'confidential: null where masked' })
  riskRationale!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Trần Thị Mai', description: "the assignee's full name" })
  assigneeName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: opened by the public form' })
  openedBy!: string | null;
  @ApiProperty({ type: [RankedAreaDto] }) areas!: RankedAreaDto[];
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel!: Channel;
  @ApiProperty({ description: 'a public report from a flood, awaiting bulk triage' }) bulkTriage!: boolean;
  @ApiProperty() schoolViolence!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'confidential: null where masked' })
  summary!: string | null;
  @ApiProperty({ type: String, nullable: true }) familyCircumstances!: string | null;
  @ApiProperty({ type: String, nullable: true }) actionsTaken!: string | null;
  @ApiProperty({ type: [String], description: 'the confidential fields left out for this caller' }) masked!: string[];
  @ApiProperty({
    enum: CASE_EVENT_TYPES,
    enumName: 'CaseEventType',
    isArray: true,
    description: 'what this caller may send now',
  })
  allowedEvents!: CaseEventType[];
  @ApiProperty({ type: [DeadlineViewDto] }) deadlines!: DeadlineViewDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) clocksPausedAt!: string | null;
  @ApiProperty({
    type: LegalHoldStateDto,
    nullable: true,
    description: 'Đang giữ lại theo yêu cầu pháp lý / under a legal hold; null otherwise',
  })
  legalHold!: LegalHoldStateDto | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Nội dung đã hủy theo thời hạn lưu trữ / when its content was shredded',
  })
  shreddedAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the information reached the school' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

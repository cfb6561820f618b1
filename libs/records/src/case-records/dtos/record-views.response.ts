import { ApiProperty } from '@nestjs/swagger';
import { RankedAreaDto, RISK_LEVELS, SUPPORT_FORMS, SupportForm } from '@dh/cases';
import type { RiskLevel } from '@dh/machines/case/types';
import type { ClosureEvent } from '../../closures/closure-record.entity';
import {
  SESSION_CHANNELS,
  SESSION_ENDINGS,
  SESSION_MODES,
  SessionChannel,
  SessionEnding,
  SessionMode,
} from '../../sessions/counselling-session.entity';
import { CONTACT_WAYS, ContactWay } from '../record-fields';

// Sealed content is null where the caller may not read it, and then named in `masked` (RecordView).
const MASKED = 'sealed: null where masked';
const sealed = (description = MASKED) => ApiProperty({ type: String, nullable: true, description });
const sealedList = (what: string) => ApiProperty({ type: [String], nullable: true, description: `${what}; ${MASKED}` });
const CLOSURE_EVENTS: ClosureEvent[] = ['PROPOSE_CLOSURE', 'CLOSE', 'CLOSE_AT_INTAKE'];

export class RecordViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: [String], description: 'the sealed fields left out for this caller' }) masked!: string[];
}

export class AssessmentRecordViewDto extends RecordViewDto {
  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel' }) riskLevel!: RiskLevel;
  @sealed() riskRationale!: string | null;
  @sealed() difficulties!: string | null;
  @sealed() needs!: string | null;
  @sealed() wishes!: string | null;
  @sealed() facts!: string | null;
  @sealed() preliminaryView!: string | null;
  @ApiProperty({ type: [RankedAreaDto], nullable: true }) areas!: RankedAreaDto[] | null;
}

export class SupportPlanViewDto extends RecordViewDto {
  @ApiProperty({ description: '1..n per case; the highest is the current plan' }) revision!: number;
  @ApiProperty({ enum: ['SUBMIT_PLAN', 'REVISE_PLAN'] }) event!: 'SUBMIT_PLAN' | 'REVISE_PLAN';
  @sealed() revisionReason!: string | null;
  @sealedList('goals') goals!: string[] | null;
  @ApiProperty() responsible!: string;
  @ApiProperty({ format: 'date' }) reviewDate!: string;
  @sealedList('activities') activities!: string[] | null;
  @ApiProperty({ enum: SUPPORT_FORMS, enumName: 'SupportForm', nullable: true }) form!: SupportForm | null;
  @sealedList('partners') partners!: string[] | null;
  @sealed() resources!: string | null;
  @sealed() timeAndPlace!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
}

export class CounsellingSessionViewDto extends RecordViewDto {
  @ApiProperty({ enum: SESSION_MODES, enumName: 'SessionMode' }) mode!: SessionMode;
  @sealed() place!: string | null;
  @ApiProperty({ enum: SESSION_CHANNELS, enumName: 'SessionChannel', nullable: true }) channel!: SessionChannel | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty() minutes!: number;
  @sealedList('methods used') methods!: string[] | null;
  @sealed() evaluation!: string | null;
  @ApiProperty({ enum: SESSION_ENDINGS, enumName: 'SessionEnding' }) ending!: SessionEnding;
  @sealed() referTo!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAppointment!: string | null;
  @ApiProperty({ type: [RankedAreaDto], nullable: true }) areas!: RankedAreaDto[] | null;
}

export class FamilyContactViewDto extends RecordViewDto {
  @ApiProperty({ format: 'date-time' }) contactedAt!: string;
  @sealed() personName!: string | null;
  @sealed() personRelationship!: string | null;
  @ApiProperty({ enum: CONTACT_WAYS, enumName: 'ContactWay' }) how!: ContactWay;
  @sealed() content!: string | null;
  @sealed() agreed!: string | null;
}

export class ClosureRecordViewDto extends RecordViewDto {
  @ApiProperty({ enum: CLOSURE_EVENTS, enumName: 'ClosureEvent' }) event!: ClosureEvent;
  @sealed() outcome!: string | null;
  @sealed() resultsAchieved!: string | null;
  @sealed() resultsNotAchieved!: string | null;
  @sealed() reason!: string | null;
  @sealed() followUpPlan!: string | null;
}

export class FollowUpContactViewDto extends RecordViewDto {
  @ApiProperty({ format: 'date-time' }) contactedAt!: string;
  @ApiProperty({ enum: CONTACT_WAYS, enumName: 'ContactWay' }) how!: ContactWay;
  @sealed() withWhom!: string | null;
  @ApiProperty() resultKept!: boolean;
  @sealed() notes!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the follow-up clock this contact answered, if one was open',
  })
  closedDeadline!: string | null;
}

// GET /cases/:id/records: one list per kind, each oldest first (RECORD_KINDS).
export class CaseRecordsDto {
  @ApiProperty({ type: [AssessmentRecordViewDto] }) assessments!: AssessmentRecordViewDto[];
  @ApiProperty({ type: [SupportPlanViewDto] }) plans!: SupportPlanViewDto[];
  @ApiProperty({ type: [CounsellingSessionViewDto] }) sessions!: CounsellingSessionViewDto[];
  @ApiProperty({ type: [FamilyContactViewDto] }) familyContacts!: FamilyContactViewDto[];
  @ApiProperty({ type: [ClosureRecordViewDto] }) closures!: ClosureRecordViewDto[];
  @ApiProperty({ type: [FollowUpContactViewDto] }) followUps!: FollowUpContactViewDto[];
}

import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import type {
  AssigneeFields,
  CaseEventType,
  ConcernFields,
  NotificationFields,
  ProtectionKind,
  ProtectionRecipient,
  RiskFields,
  RiskLevel,
} from '@dh/machines/case/types';
import { PROTECTION_KINDS, PROTECTION_RECIPIENTS } from '@dh/machines/case/v2/rules';
import { flattenValidationErrors, InputValidationException } from '@dh/errors';
import { AREA_CODES, AreaCode, RISK_LEVELS } from '../case.entity';
import { IsRankedAreas } from '../ranked-areas';
import { ReceivedAtField, ReceivedLateReasonField } from '../received-at';
import { RankedAreaDto } from './create-case.dto';

const LONG = 10000;
const SHORT = 500;

// Whitespace-only is as empty as empty.
export const Text =
  (max: number, each = false) =>
  (target: object, key: string) => {
    IsString({ each })(target, key);
    Matches(/\S/, { each, message: each ? `each of ${key} must not be empty` : `${key} must not be empty` })(
      target,
      key,
    );
    MaxLength(max, { each })(target, key);
  };

// A list of short texts, each non-empty: goals, activities, partners.
const TextList = (max: number) => (target: object, key: string) => {
  IsArray()(target, key);
  ArrayMinSize(1)(target, key);
  ArrayMaxSize(50)(target, key);
  Text(max, true)(target, key);
};

const Day = (target: object, key: string) => {
  IsISO8601({ strict: true })(target, key);
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${key} must be YYYY-MM-DD` })(target, key);
};

// A support plan's form (Mẫu 02's "hình thức"): in person or online.
export const SUPPORT_FORMS = ['truc_tiep', 'truc_tuyen'] as const;
export type SupportForm = (typeof SUPPORT_FORMS)[number];

// The content areas ranked 1..n, by the same rule as a case's at opening.
export const RankedAreas = (target: object, key: string) => {
  IsArray()(target, key);
  ArrayMinSize(1)(target, key);
  ArrayMaxSize(7)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => RankedAreaDto)(target, key);
  IsRankedAreas()(target, key);
};

class EmptyPayload {}

export class AssignPayload implements AssigneeFields {
  @IsUUID('all') assigneeId!: string;
}

export class AssessmentPayload implements RiskFields {
  @IsIn(RISK_LEVELS) riskLevel!: RiskLevel;
  @Text(LONG) riskRationale!: string;
  @Text(LONG) difficulties!: string;
  @Text(LONG) needs!: string;
  // Optional (DESIGN.md: the records issue adds no required field): Mẫu 02's wishes, facts, preliminary view, areas.
  @IsOptional() @Text(LONG) wishes?: string;
  @IsOptional() @Text(LONG) facts?: string;
  @IsOptional() @Text(LONG) preliminaryView?: string;
  @IsOptional() @RankedAreas areas?: RankedAreaDto[];
}

export class PlanPayload {
  @TextList(SHORT * 4) goals!: string[];
  @Text(SHORT) responsible!: string;
  @Day reviewDate!: string;
  @IsOptional() @TextList(SHORT * 4) activities?: string[];
  @IsOptional() @IsIn(SUPPORT_FORMS) form?: SupportForm;
  @IsOptional() @TextList(SHORT) partners?: string[];
  @IsOptional() @Text(LONG) resources?: string;
  // One text, as the plan form has it ("thời gian, địa điểm"): "Thứ Ba hằng tuần, phòng tư vấn".
  @IsOptional() @Text(SHORT * 2) timeAndPlace?: string;
  @IsOptional() @Day endDate?: string;
}

export class RevisePlanPayload extends PlanPayload {
  @Text(LONG) reason!: string;
}

export class CommentPayload {
  @IsOptional() @IsString() @MaxLength(LONG) comment?: string;
}

export class ReasonPayload {
  @Text(LONG) reason!: string;
}

// The sender's name and unit come from the caller and the school; how the receiver reaches them back is theirs to give.
export class ReferSender {
  @IsOptional() @Text(SHORT) title?: string;
  @IsOptional()
  @IsString()
  @Matches(/^\+?\d+( \d+)*$/, { message: 'phone must be digits, single spaces, an optional leading +' })
  @MaxLength(30)
  phone?: string;
  @IsOptional() @IsEmail() @MaxLength(SHORT) email?: string;
}

export class ReferPayload {
  // A receiver of the directory of services of the school's ward, active (libs/records checks it and fills `receiver`).
  @IsUUID('all') receiverId!: string;
  // Filled from the directory: the receiver's name as it stands when the referral is sent.
  @IsOptional() @Text(SHORT) receiver?: string;
  @Text(LONG) reason!: string;
  // Content-area codes the referral is about, among the case's current areas; absent: all of them.
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(AREA_CODES, { each: true })
  areas?: AreaCode[];
  // Referred to the ward (Phòng Văn hóa – Xã hội): its officers read the case while the referral lasts.
  @IsOptional() @IsBoolean() toWard?: boolean;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReferSender)
  sender?: ReferSender;
}

// The receiver's answer, as the counsellor heard it (the receiver has no login).
export class ReferralAcceptedPayload {
  @IsOptional() @IsISO8601({ strict: true }) answeredAt?: string;
  @IsOptional() @Text(SHORT) receiverContact?: string;
  @IsOptional() @Text(LONG) note?: string;
}

export class FeedbackPayload {
  @Text(LONG) feedback!: string;
  @IsOptional() @Text(LONG) outcome?: string;
  @IsOptional() @IsISO8601({ strict: true }) completedAt?: string;
}

export class ClosurePayload {
  @Text(LONG) outcome!: string;
  // Mẫu 04: results achieved and not, the reason, the follow-up plan.
  @IsOptional() @Text(LONG) resultsAchieved?: string;
  @IsOptional() @Text(LONG) resultsNotAchieved?: string;
  @IsOptional() @Text(LONG) reason?: string;
  @IsOptional() @Text(LONG) followUpPlan?: string;
}

export class FollowUpDonePayload {
  @Text(LONG) notes!: string;
  // A supervisor's reason for archiving before both follow-up contacts are recorded (libs/records checks it).
  @IsOptional() @Text(LONG) stopReason?: string;
}

export class RiskPayload implements RiskFields {
  @IsIn(RISK_LEVELS) riskLevel!: RiskLevel;
  @Text(LONG) riskRationale!: string;
}

export class NotePayload {
  @Text(LONG) text!: string;
}

export class ProtectionConcernPayload implements ConcernFields {
  @IsIn(PROTECTION_KINDS) kind!: ProtectionKind;
  @Text(LONG) facts!: string;
  @IsBoolean() carerSuspected!: boolean;
  // When it reached the school (default: as recorded): its clock counts from then (ReceivedAtHook).
  @ReceivedAtField() receivedAt?: string;
  @ReceivedLateReasonField() receivedLateReason?: string;
}

export class ProtectionNotificationPayload implements NotificationFields {
  @IsIn(PROTECTION_RECIPIENTS) recipient!: ProtectionRecipient;
  // An instant: when the day alone is known, the clock it stops cannot be judged.
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: 'notifiedAt must give the time of day' })
  notifiedAt!: string;
  @Text(SHORT) notifiedBy!: string;
}

// Exhaustive over CaseEventType: a new event type does not compile until its payload is declared here.
const PAYLOADS = {
  START_ASSESSMENT: EmptyPayload,
  COMPLETE_ASSESSMENT: AssessmentPayload,
  SUBMIT_PLAN: PlanPayload,
  REVISE_PLAN: RevisePlanPayload,
  APPROVE_PLAN: CommentPayload,
  RETURN_PLAN: ReasonPayload,
  REFER: ReferPayload,
  REFERRAL_ACCEPTED: ReferralAcceptedPayload,
  REFERRAL_DECLINED: ReasonPayload,
  REFERRAL_COMPLETED: FeedbackPayload,
  PROPOSE_CLOSURE: ClosurePayload,
  APPROVE_CLOSURE: CommentPayload,
  REJECT_CLOSURE: ReasonPayload,
  CLOSE: ClosurePayload,
  CLOSE_AT_INTAKE: ReasonPayload,
  FOLLOW_UP_DONE: FollowUpDonePayload,
  REOPEN: ReasonPayload,
  ASSIGN: AssignPayload,
  REASSIGN: AssignPayload,
  UPDATE_RISK: RiskPayload,
  ADD_NOTE: NotePayload,
  RAISE_PROTECTION_CONCERN: ProtectionConcernPayload,
  RECORD_PROTECTION_NOTIFICATION: ProtectionNotificationPayload,
} satisfies Record<CaseEventType, new () => object>;

// A class's fields as a plain object type: a validated payload is the object the client sent, not an instance.
type Fields<T> = { [K in keyof T]: T[K] };
// Each event's payload once validated: what its hooks read (libs/cases TransitionStep).
export type EventPayloads = { [K in CaseEventType]: Fields<InstanceType<(typeof PAYLOADS)[K]>> };

export const CASE_EVENT_TYPES = Object.keys(PAYLOADS) as CaseEventType[];

// Checks the payload of one event type; problems name the field as the client wrote it (payload.goals[0]).
export const validateEventPayload = (
  type: CaseEventType,
  payload: Record<string, unknown>,
): Record<string, unknown> => {
  const shape = PAYLOADS[type];
  // class-validator has nothing to whitelist against on a class without decorators: check it by hand.
  if (shape === EmptyPayload) {
    const extra = Object.keys(payload);
    if (extra.length)
      throw new InputValidationException(
        extra.map((k) => ({
          field: `payload.${k}`,
          problems: [`Trường dữ liệu không được phép: ${k} / unknown field: ${k}`],
        })),
      );
    return payload;
  }
  const instance = plainToInstance(shape, payload);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: false },
  });
  if (errors.length) throw new InputValidationException(flattenValidationErrors(errors, 'payload'));
  return payload;
};

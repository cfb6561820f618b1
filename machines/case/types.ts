// The roles a user may hold, declared once, plain, because the machine decides on them; identity, which owns
// users and their roles, re-exports both.
export const ROLES = ['counsellor', 'supervisor', 'principal', 'ward_officer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

// The roles an actor holds in the case's school (none if the case is not of their school).
export type Actor = { id: string; roles: Role[] };

export type CaseContext = {
  assigneeId: string | null;
  riskLevel: RiskLevel;
  // null: opened by the public intake form, by nobody who logs in.
  openedBy: string | null;
  submittedBy: string | null;
  // false while a report from the public form awaits its learner: the assessment cannot start before.
  learnerKnown: boolean;
  // case@2: the child-protection concern beside the stages.
  protection?: ProtectionConcern;
  // case@2: the stage the latest referral left from, which its answer returns to. Absent on older snapshots.
  referredFrom?: ReferralOrigin;
  // case@2: set while a closure proposed from assessment awaits review, so a rejection returns there.
  closureFrom?: 'assessment' | null;
};
export type ReferralOrigin = 'intake' | 'assessment' | 'planning' | 'monitoring';
export type ProtectionKind = 'abuse' | 'violence' | 'neglect' | 'exploitation' | 'school_violence';
// The authorities that receive a protection report (Law on Children Art. 51; Decree 56/2017 Art. 25), and the family.
export type AuthorityRecipient = 'tong_dai_111' | 'ubnd_phuong' | 'cong_an' | 'phong_vhxh';
export type ProtectionRecipient = AuthorityRecipient | 'gia_dinh';
// receivedAt: when the concern reached the school (absent on concerns raised before it was kept).
export type ProtectionConcern = {
  status: 'open' | 'notified';
  kind: ProtectionKind;
  carerSuspected: boolean;
  receivedAt?: string;
  notifications: { recipient: ProtectionRecipient; notifiedAt: string; notifiedBy: string }[];
};
export type CaseInput = {
  openedBy: string | null;
  assigneeId: string | null;
  riskLevel: RiskLevel;
  learnerKnown: boolean;
};

export type CaseEventType =
  | 'START_ASSESSMENT'
  | 'COMPLETE_ASSESSMENT'
  | 'SUBMIT_PLAN'
  | 'APPROVE_PLAN'
  | 'RETURN_PLAN'
  | 'REVISE_PLAN'
  | 'REFER'
  | 'REFERRAL_ACCEPTED'
  | 'REFERRAL_DECLINED'
  | 'REFERRAL_COMPLETED'
  | 'PROPOSE_CLOSURE'
  | 'APPROVE_CLOSURE'
  | 'REJECT_CLOSURE'
  | 'CLOSE'
  | 'CLOSE_AT_INTAKE'
  | 'FOLLOW_UP_DONE'
  | 'REOPEN'
  | 'ASSIGN'
  | 'REASSIGN'
  | 'UPDATE_RISK'
  | 'ADD_NOTE'
  | 'RAISE_PROTECTION_CONCERN'
  | 'RECORD_PROTECTION_NOTIFICATION';

// An event as the engine receives it: its payload already checked against its event's shape by the caller (the
// API's payload classes in libs/cases, which implement the types below).
export type CaseEvent = { type: CaseEventType; actor: Actor; payload: Record<string, unknown> };

// What the machine reads of an event's payload; of the other events' payloads it reads nothing.
export type RiskFields = { riskLevel: RiskLevel };
export type AssigneeFields = { assigneeId: string };
export type ConcernFields = { kind: ProtectionKind; carerSuspected: boolean; receivedAt?: string };
export type NotificationFields = { recipient: ProtectionRecipient; notifiedAt: string; notifiedBy: string };
type ReadFields = {
  COMPLETE_ASSESSMENT: RiskFields;
  UPDATE_RISK: RiskFields;
  ASSIGN: AssigneeFields;
  REASSIGN: AssigneeFields;
  RAISE_PROTECTION_CONCERN: ConcernFields;
  RECORD_PROTECTION_NOTIFICATION: NotificationFields;
};
export type CasePayloads = {
  [K in CaseEventType]: K extends keyof ReadFields ? ReadFields[K] : Record<string, unknown>;
};
// The event as the machine's guards and actions see it: its payload typed by its type.
export type MachineEvent = { [K in CaseEventType]: { type: K; actor: Actor; payload: CasePayloads[K] } }[CaseEventType];

export type RefusalCode =
  | 'role_not_allowed'
  | 'not_assignee'
  | 'own_submission'
  | 'payload_incomplete'
  | 'already_assigned'
  | 'not_assigned'
  | 'same_assignee'
  | 'protection_concern_open'
  | 'family_is_suspected'
  | 'case_closed'
  | 'no_protection_concern'
  | 'supervisor_approval_required'
  | 'learner_unknown';

export type Refusal = { reason: RefusalCode; message: string; messageEn: string; fields?: string[] };

export type Duration = { workingDays: number } | { workingHours: number } | { calendarDays: number };
export type EscalationTarget = 'supervisor' | 'principal' | 'ward_officer';
export type PlanDate = 'reviewDate' | 'endDate';
export type DeadlineSpec = {
  kind: string;
  due: Duration;
  dueWhenHighRisk?: Duration;
  repeat?: boolean;
  // A date of the case's current plan that sets the due time where it gives one still ahead (DOMAIN.md: the
  // review on the plan's review date, the receiver's feedback by its end date); `due` stands in otherwise.
  dueByPlan?: PlanDate;
  escalateTo: EscalationTarget[];
  // Where the general ladder is too slow (a child-protection concern): when the principal and the ward hear.
  principalAfter?: Duration;
  wardAfter?: Duration;
  label: { vi: string; en: string };
};
export type StateMeta = { label: { vi: string; en: string }; deadlines: DeadlineSpec[] };

export type ProtectionStatus = 'none' | 'open' | 'notified';

export type StepResult =
  | { ok: true; snapshot: PersistedCase; state: string; leaves: string[]; context: CaseContext }
  | { ok: false; kind: 'not_allowed'; allowedEvents: CaseEventType[] }
  | { ok: false; kind: 'refused'; refusal: Refusal };

// The machine's answer before any hook runs: the state takes the event, and the actor may attempt it.
export type CheckResult = { ok: true } | Extract<StepResult, { ok: false }>;

// What the database keeps: enough for machine.resolveState to rebuild the snapshot.
export type StateValue = string | { [key: string]: StateValue };
export type PersistedCase = { value: StateValue; context: CaseContext };

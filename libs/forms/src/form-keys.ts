import { AREA_CODES, CHANNELS, RISK_LEVELS, SUPPORT_FORMS } from '@dh/cases';
import { CONTACT_WAYS, SESSION_CHANNELS, SESSION_ENDINGS, SESSION_MODES } from '@dh/records';
import { FormNumber } from './form-template';

// The keys each form's loader fills, and what kind of value each holds. A template may leave keys out (the
// official layout may not have them) but may not name one that is not here, nor use it as another kind: a
// typo would otherwise print a blank where the case has an answer.
export type KeySpec =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'signature' }
  | { kind: 'checkbox-choice'; values: readonly string[] }
  // Each column: the codes it holds, or null for free text.
  | { kind: 'table'; columns: Record<string, readonly string[] | null> };

const text: KeySpec = { kind: 'text' };
const date: KeySpec = { kind: 'date' };
const signature: KeySpec = { kind: 'signature' };
const choice = (values: readonly string[]): KeySpec => ({ kind: 'checkbox-choice', values });
const table = (columns: Record<string, readonly string[] | null>): KeySpec => ({ kind: 'table', columns });

export const SEXES = ['nam', 'nu', 'khong_ro'] as const;

// The learner as every form names them.
const LEARNER_KEYS: Record<string, KeySpec> = {
  'case.code': text,
  'learner.fullName': text,
  'learner.dateOfBirth': date,
  'learner.sex': choice(SEXES),
  'learner.className': text,
};

// Father and mother as Form 01 and 02 print them: name, age, occupation.
const PARENT_KEYS: Record<string, KeySpec> = Object.fromEntries(
  ['father', 'mother'].flatMap((p) => ['name', 'age', 'occupation'].map((f) => [`${p}.${f}`, text])),
);

const SESSION_COLUMNS = {
  date: null,
  mode: SESSION_MODES,
  place: null,
  channel: SESSION_CHANNELS,
  minutes: null,
  methods: null,
  evaluation: null,
  ending: SESSION_ENDINGS,
  referTo: null,
  nextAppointment: null,
} as const;
export const REFERRAL_ANSWERS = ['accepted', 'declined', 'pending'] as const;
// Where the current plan stands: approved by a supervisor, awaiting one, returned, or applied without approval
// (a low or medium risk case).
export const PLAN_APPROVALS = ['approved', 'pending', 'returned', 'not_required'] as const;
export type PlanApproval = (typeof PLAN_APPROVALS)[number];

export const FORM_KEYS: Record<FormNumber, Record<string, KeySpec>> = {
  '01': {
    ...LEARNER_KEYS,
    ...PARENT_KEYS,
    receivedAt: date,
    channel: choice(CHANNELS),
    'reporter.name': text,
    'reporter.relationship': text,
    'reporter.phone': text,
    'family.circumstances': text,
    carer: text,
    areas: choice(AREA_CODES),
    riskLevel: choice(RISK_LEVELS),
    summary: text,
    actionsTaken: text,
    'receiver.name': signature,
  },
  '02': {
    ...LEARNER_KEYS,
    ...PARENT_KEYS,
    'family.circumstances': text,
    carer: text,
    'areas.ranked': table({ area: AREA_CODES, priority: null }),
    'assessment.difficulties': text,
    'assessment.needs': text,
    'assessment.wishes': text,
    'assessment.facts': text,
    'assessment.preliminaryView': text,
    riskLevel: choice(RISK_LEVELS),
    sessions: table(SESSION_COLUMNS),
    ending: choice(SESSION_ENDINGS),
    'ending.referTo': text,
    nextAppointment: date,
    'practitioner.name': signature,
  },
  '03': {
    ...LEARNER_KEYS,
    'sender.name': text,
    'sender.title': text,
    'sender.unit': text,
    'sender.phone': text,
    'sender.email': text,
    'receiver.unit': text,
    'receiver.person': text,
    'receiver.address': text,
    'receiver.phone': text,
    'receiver.email': text,
    reason: text,
    areas: choice(AREA_CODES),
    'consent.reference': text,
    sentAt: date,
    answer: choice(REFERRAL_ANSWERS),
    answeredAt: date,
    'answer.note': text,
    outcome: text,
    feedback: text,
    'sender.signature': signature,
    'principal.name': signature,
  },
  '04': {
    ...LEARNER_KEYS,
    startDate: date,
    closedAt: date,
    outcome: text,
    'results.achieved': text,
    'results.notAchieved': text,
    reason: text,
    followUpPlan: text,
    'carer.name': text,
    'carer.relationship': text,
    'carer.yearOfBirth': text,
    'carer.phone': text,
    'approver.name': signature,
    'practitioner.name': signature,
    'principal.name': signature,
  },
  'ke-hoach': {
    ...LEARNER_KEYS,
    'plan.revision': text,
    'plan.revisionReason': text,
    goals: text,
    activities: text,
    form: choice(SUPPORT_FORMS),
    partners: text,
    resources: text,
    timeAndPlace: text,
    responsible: text,
    endDate: date,
    reviewDate: date,
    submittedAt: date,
    approval: choice(PLAN_APPROVALS),
    approvedAt: date,
    'practitioner.name': signature,
    'approver.name': signature,
  },
  'lien-he-gia-dinh': {
    ...LEARNER_KEYS,
    contacts: table({ no: null, date: null, person: null, how: CONTACT_WAYS, content: null, agreed: null, by: null }),
    'practitioner.name': signature,
  },
};

import dayjs, { type Dayjs } from 'dayjs';
import type { components } from '../api/openapiTypes';
import type { DictionaryKey } from '../i18n/dictionaryVi';
import type { Language } from '../i18n/I18nProvider';
import { RISK_LABELS, SUPPORT_FORM_LABELS } from '../labels/valueLabels';
import { PROTECTION_KIND_LABELS, PROTECTION_RECIPIENT_LABELS } from './protectionLabels';

type EventType = components['schemas']['CaseEventType'];

// The API's text limits (libs/cases/src/dtos/event-payloads.ts: LONG, SHORT).
export const LONG = 10_000;
export const SHORT = 500;
// A list holds at most this many entries (TextList there).
export const LIST_MAX = 50;

// text: a paragraph; line: one line; list: one entry per line, sent as an array; day: a calendar day (YYYY-MM-DD);
// pastDay/pastInstant: a day or a moment that has already happened; instant: any moment; number: a whole number
// from `min` to `max`; yesNo: a boolean; choice: one of `options` (the API's values and their words); receiver: a
// service of the ward's directory; assignee: one of the school's counsellors and supervisors. A dotted name
// ('person.fullName') is sent nested.
export type FieldKind =
  | 'text'
  | 'line'
  | 'list'
  | 'day'
  | 'pastDay'
  | 'instant'
  | 'pastInstant'
  | 'number'
  | 'yesNo'
  | 'choice'
  | 'receiver'
  | 'assignee';

export type ChoiceLabels = Record<string, Record<Language, string>>;

export type EventField = {
  name: string;
  label: DictionaryKey;
  kind: FieldKind;
  required: boolean;
  max: number;
  min?: number;
  options?: ChoiceLabels;
};

export const field = (
  name: string,
  kind: FieldKind,
  required = true,
  max = kind === 'line' ? SHORT : LONG,
): EventField => ({
  name,
  label: `casePage.field.${name}` as DictionaryKey,
  kind,
  required,
  max,
});
export const optional = (name: string, kind: FieldKind, max?: number) => field(name, kind, false, max);
export const choice = (name: string, options: ChoiceLabels, required = true): EventField => ({
  ...field(name, 'choice', required),
  options,
});

// The payload of each event the web app sends, with the rules of its DTO. Events not listed have no form yet.
const reason = [field('reason', 'text')];
const comment = [optional('comment', 'text')];
const risk = [choice('riskLevel', RISK_LABELS), field('riskRationale', 'text')];
const plan = [
  field('goals', 'list', true, SHORT * 4),
  field('responsible', 'line'),
  field('reviewDate', 'day'),
  optional('activities', 'list', SHORT * 4),
  choice('form', SUPPORT_FORM_LABELS, false),
  optional('partners', 'list', SHORT),
  optional('resources', 'text'),
  optional('timeAndPlace', 'line', SHORT * 2),
  optional('endDate', 'day'),
];
const closure = [
  field('outcome', 'text'),
  optional('resultsAchieved', 'text'),
  optional('resultsNotAchieved', 'text'),
  optional('reason', 'text'),
  optional('followUpPlan', 'text'),
];

export const EVENT_FORMS: Partial<Record<EventType, EventField[]>> = {
  START_ASSESSMENT: [],
  COMPLETE_ASSESSMENT: [
    ...risk,
    field('difficulties', 'text'),
    field('needs', 'text'),
    optional('wishes', 'text'),
    optional('facts', 'text'),
    optional('preliminaryView', 'text'),
  ],
  SUBMIT_PLAN: plan,
  REVISE_PLAN: [...plan, ...reason],
  APPROVE_PLAN: comment,
  RETURN_PLAN: reason,
  REFER: [field('receiverId', 'receiver'), ...reason],
  REFERRAL_ACCEPTED: [
    optional('answeredAt', 'pastInstant'),
    optional('receiverContact', 'line'),
    optional('note', 'text'),
  ],
  REFERRAL_DECLINED: reason,
  REFERRAL_COMPLETED: [field('feedback', 'text'), optional('outcome', 'text'), optional('completedAt', 'pastInstant')],
  PROPOSE_CLOSURE: closure,
  APPROVE_CLOSURE: comment,
  REJECT_CLOSURE: reason,
  CLOSE: closure,
  CLOSE_AT_INTAKE: reason,
  FOLLOW_UP_DONE: [field('notes', 'text'), optional('stopReason', 'text')],
  REOPEN: reason,
  UPDATE_RISK: risk,
  RAISE_PROTECTION_CONCERN: [
    choice('kind', PROTECTION_KIND_LABELS),
    field('facts', 'text'),
    field('carerSuspected', 'yesNo'),
    optional('receivedAt', 'pastInstant'),
    optional('receivedLateReason', 'text', 1000),
  ],
  RECORD_PROTECTION_NOTIFICATION: [
    choice('recipient', PROTECTION_RECIPIENT_LABELS),
    field('notifiedAt', 'pastInstant'),
    field('notifiedBy', 'line'),
  ],
  ASSIGN: [field('assigneeId', 'assignee')],
  REASSIGN: [field('assigneeId', 'assignee')],
  ADD_NOTE: [field('text', 'text')],
};

// Steps beside the case's road: offered after the ones that move it on, never as the page's main button.
const ASIDE: EventType[] = ['ADD_NOTE', 'UPDATE_RISK', 'CLOSE_AT_INTAKE', 'REASSIGN'];

// The events this person may send now that have a form here, the one that moves the case on first.
export const actionsOf = (allowed: EventType[]): EventType[] =>
  allowed.filter((e) => EVENT_FORMS[e]).sort((a, b) => Number(ASIDE.includes(a)) - Number(ASIDE.includes(b)));

export type FormValue = string | number | Dayjs | null | undefined;
export type FormValues = Record<string, FormValue>;
export type FieldProblem = { field: string; problem: 'required' | 'tooLong' | 'tooMany' | 'future' | 'outOfRange' };

// A list's entries: its non-blank lines.
const linesOf = (value: string): string[] =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const isEmpty = (value: FormValue): boolean => value == null || (typeof value === 'string' && value.trim() === '');

// What the form refuses before sending, as the API would: a required field must hold more than whitespace, no text
// may pass its limit, a list's entries each keep to it, what has happened cannot be in the future.
export const checkPayload = (fields: EventField[], values: FormValues, now: Dayjs = dayjs()): FieldProblem[] =>
  fields.flatMap((f): FieldProblem[] => {
    const value = values[f.name];
    const problem = (p: FieldProblem['problem']) => [{ field: f.name, problem: p }];
    if (isEmpty(value)) return f.required ? problem('required') : [];
    if (dayjs.isDayjs(value)) {
      const future = f.kind === 'pastInstant' ? value.isAfter(now) : f.kind === 'pastDay' && value.isAfter(now, 'day');
      return future ? problem('future') : [];
    }
    if (typeof value === 'number') {
      return Number.isInteger(value) && value >= (f.min ?? 0) && value <= f.max ? [] : problem('outOfRange');
    }
    const text = value as string;
    if (f.kind === 'list') {
      const lines = linesOf(text);
      if (lines.length > LIST_MAX) return problem('tooMany');
      return lines.some((l) => l.length > f.max) ? problem('tooLong') : [];
    }
    return text.length > f.max ? problem('tooLong') : [];
  });

const sent = (f: EventField, value: Exclude<FormValue, null | undefined>): unknown => {
  if (dayjs.isDayjs(value))
    return f.kind === 'day' || f.kind === 'pastDay' ? value.format('YYYY-MM-DD') : value.toISOString();
  if (f.kind === 'list') return linesOf(String(value));
  if (f.kind === 'yesNo') return value === 'yes';
  return value;
};

// The payload sent: optional fields left empty are left out, as the DTO expects; a list goes as its lines, a day
// as YYYY-MM-DD, a moment as an ISO instant, a dotted name nested ('person.fullName' → person: { fullName }).
export const payloadOf = (fields: EventField[], values: FormValues): Record<string, unknown> => {
  const payload: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.name];
    if (isEmpty(value)) continue;
    const path = f.name.split('.');
    const leaf = path.pop() as string;
    let at = payload;
    for (const part of path) at = (at[part] ??= {}) as Record<string, unknown>;
    at[leaf] = sent(f, value as Exclude<FormValue, null | undefined>);
  }
  return payload;
};

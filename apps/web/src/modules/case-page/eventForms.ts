import type { components } from '../api/openapiTypes';
import type { DictionaryKey } from '../i18n/dictionaryVi';

type EventType = components['schemas']['CaseEventType'];

// The API's text limits (libs/cases event-payloads: LONG).
const LONG = 10_000;

export type EventField = { name: string; label: DictionaryKey; required: boolean; max: number };

// The payload of each event the web app sends, with the rules of its DTO: a required text must hold more than
// whitespace, none may pass its limit. Events not listed here have no form in the app yet.
const reason: EventField[] = [{ name: 'reason', label: 'casePage.field.reason', required: true, max: LONG }];
const comment: EventField[] = [{ name: 'comment', label: 'casePage.field.comment', required: false, max: LONG }];

export const EVENT_FORMS: Partial<Record<EventType, EventField[]>> = {
  START_ASSESSMENT: [],
  RETURN_PLAN: reason,
  REFERRAL_DECLINED: reason,
  REJECT_CLOSURE: reason,
  CLOSE_AT_INTAKE: reason,
  REOPEN: reason,
  APPROVE_PLAN: comment,
  APPROVE_CLOSURE: comment,
  ADD_NOTE: [{ name: 'text', label: 'casePage.field.note', required: true, max: LONG }],
};

export type FieldProblem = { field: string; problem: 'required' | 'tooLong' };

// What the form refuses before sending, as the API would: the payload's fields only.
export const checkPayload = (fields: EventField[], values: Record<string, string | undefined>): FieldProblem[] =>
  fields.flatMap((f): FieldProblem[] => {
    const value = values[f.name] ?? '';
    if (f.required && value.trim() === '') return [{ field: f.name, problem: 'required' }];
    if (value.length > f.max) return [{ field: f.name, problem: 'tooLong' }];
    return [];
  });

// The payload sent: optional fields left empty are left out, as the DTO expects.
export const payloadOf = (fields: EventField[], values: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(fields.flatMap((f) => (values[f.name]?.trim() ? [[f.name, values[f.name] as string]] : [])));

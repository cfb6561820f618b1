import type { DictionaryKey } from '../i18n/dictionaryVi';
import {
  CONSENT_GIVER_LABELS,
  CONSENT_KIND_LABELS,
  CONTACT_WAY_LABELS,
  SESSION_CHANNEL_LABELS,
  SESSION_ENDING_LABELS,
  SUPPORT_FORM_LABELS,
} from '../labels/valueLabels';
import { choice, field, optional, SHORT, type EventField } from './eventForms';

// What a counsellor writes down beside the case's steps, each posted to its own route, with its DTO's rules
// (libs/records, libs/consent). Rules that hang on another field (a place for a session in person) are the API's
// to say: its 400 lands under that field.
export type RecordKind = 'session' | 'familyContact' | 'followUp' | 'consent';
export type RecordPath =
  | '/api/cases/{id}/sessions'
  | '/api/cases/{id}/family-contacts'
  | '/api/cases/{id}/follow-ups'
  | '/api/cases/{id}/consents';

export const RECORD_FORMS: Record<RecordKind, { title: DictionaryKey; path: RecordPath; fields: EventField[] }> = {
  session: {
    title: 'records.newSession',
    path: '/api/cases/{id}/sessions',
    fields: [
      choice('mode', SUPPORT_FORM_LABELS),
      optional('place', 'line'),
      choice('channel', SESSION_CHANNEL_LABELS, false),
      field('startedAt', 'pastInstant'),
      { ...field('minutes', 'number', true, 600), min: 1 },
      field('methods', 'list', true, SHORT),
      field('evaluation', 'text'),
      choice('ending', SESSION_ENDING_LABELS),
      optional('referTo', 'line'),
      optional('nextAppointment', 'instant'),
    ],
  },
  familyContact: {
    title: 'records.newFamilyContact',
    path: '/api/cases/{id}/family-contacts',
    fields: [
      field('contactedAt', 'pastInstant'),
      field('person.fullName', 'line', true, 200),
      field('person.relationship', 'line', true, 100),
      choice('how', CONTACT_WAY_LABELS),
      field('content', 'text'),
      optional('agreed', 'text'),
    ],
  },
  followUp: {
    title: 'records.newFollowUp',
    path: '/api/cases/{id}/follow-ups',
    fields: [
      field('contactedAt', 'pastInstant'),
      choice('how', CONTACT_WAY_LABELS),
      field('withWhom', 'line'),
      field('resultKept', 'yesNo'),
      field('notes', 'text'),
    ],
  },
  consent: {
    title: 'records.newConsent',
    path: '/api/cases/{id}/consents',
    fields: [
      choice('givenBy', CONSENT_GIVER_LABELS),
      optional('guardian.fullName', 'line', 200),
      optional('guardian.relationship', 'line', 100),
      choice('scope.kind', CONSENT_KIND_LABELS),
      optional('scope.receiverId', 'receiver'),
      field('scope.purpose', 'text'),
      field('givenAt', 'pastDay'),
      choice('how', CONTACT_WAY_LABELS),
    ],
  },
};

import { EntityManager } from 'typeorm';
import { CaseEntity } from '@dh/cases';
import { Caller } from '@dh/identity';
import { RECORD_KINDS, RecordTable } from '@dh/records';
import { FormValues } from '../form-template';

// What a form is built from: the case (locked for the read), who asks, and what they asked for.
export type FormRequest = {
  tx: EntityManager;
  caller: Caller;
  row: CaseEntity;
  referralId?: string;
  // Whether the reader may read the case's confidential content (ConfidentialAccess.mayRead): if not, the form
  // is printed with CONFIDENTIAL where something was written, and nothing sealed is opened.
  reveal: boolean;
  // Who reported is shown to fewer readers than the rest of the case (ConfidentialAccess.mayReadReporter).
  mayReadReporter: boolean;
};

// In place of what a reader may not read: the inspector sees that it was written, not what.
export const CONFIDENTIAL = '(Nội dung bảo mật)';

// The values of the form's keys (form-keys.ts), and the names of the confidential contents it printed, which
// the generation's audit event lists as a VIEWED event does.
export type LoadedForm = { values: FormValues; exported: string[] };

export type FormLoader = { load(request: FormRequest): Promise<LoadedForm> };

// libs/records' description of a record table, for naming its sealed fields as a VIEWED event does.
export const recordKind = (table: RecordTable): (typeof RECORD_KINDS)[number] => {
  const kind = RECORD_KINDS.find((k) => k.table === table);
  if (!kind) throw new Error(`no record kind for ${table}`);
  return kind;
};

export const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

// A field of a record view (libs/records, libs/records/referrals): its text, or CONFIDENTIAL where it was masked.
export const shownOr = (view: { masked: string[] } | null, field: string, value: unknown): string | null =>
  view?.masked.includes(field) ? CONFIDENTIAL : textOf(value);

import { EntityManager } from 'typeorm';
import { CaseEntity, RecordTable } from '@dh/cases';
import { Caller } from '@dh/identity';
import { RECORD_KINDS } from '@dh/records';
import { FormValues } from '../form-template';

// What a form is built from: the case (locked for the read), who asks, and what they asked for.
export type FormRequest = {
  tx: EntityManager;
  caller: Caller;
  row: CaseEntity;
  referralId?: string;
  // Who reported is shown to fewer readers than the rest of the case (ConfidentialAccess.mayReadReporter).
  mayReadReporter: boolean;
};

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

import { RECORD_SEALED_COLUMNS, RecordSealedColumn, RecordTable, SEALED_CONTEXT } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';

// How each sealed column holds its value: a text, or a JSON list. Exhaustive over RECORD_SEALED_COLUMNS, the
// list the key rotation reads: a sealed column added there does not compile until it is described here.
const SHAPES: { [T in RecordTable]: Record<RecordSealedColumn<T>, 'text' | 'json'> } = {
  assessment_record: { risk_rationale: 'text', difficulties: 'text', needs: 'text', wishes: 'text', facts: 'text', preliminary_view: 'text' },
  support_plan: { revision_reason: 'text', goals: 'json', activities: 'json', partners: 'json', resources: 'text', time_and_place: 'text' },
  closure_record: { outcome: 'text', results_achieved: 'text', results_not_achieved: 'text', reason: 'text', follow_up_plan: 'text' },
  counselling_session: { place: 'text', methods: 'json', evaluation: 'text', refer_to: 'text' },
  family_contact: { person_name: 'text', person_relationship: 'text', content: 'text', agreed: 'text' },
  follow_up_contact: { with_whom: 'text', notes: 'text' },
  referral: { reason: 'text', answer_note: 'text', declined_reason: 'text', feedback: 'text', outcome: 'text' },
};

// The entity property of a column: preliminary_view → preliminaryView.
const propertyOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const columnsOf = <T extends RecordTable>(table: T): RecordSealedColumn<T>[] => [...RECORD_SEALED_COLUMNS[table]] as RecordSealedColumn<T>[];

// The sealed columns of a new row, by entity property, from the values named the same way (absent: null).
export const sealColumns = <T extends RecordTable>(cipher: FieldCipher, table: T, values: object): Record<string, string | null> =>
  Object.fromEntries(
    columnsOf(table).map((column) => {
      const value = (values as Record<string, unknown>)[propertyOf(column)];
      const context = SEALED_CONTEXT.record(table, column);
      if (value === undefined || value === null) return [propertyOf(column), null];
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a text column's value is a validated string
      return [propertyOf(column), SHAPES[table][column] === 'json' ? cipher.sealJson(value, context) : cipher.seal(String(value), context)];
    }),
  );

export type Opened = { values: Record<string, unknown>; masked: string[] };

// A row's sealed values opened for a reader who may read them, or null in their place and their names in
// `masked` for everyone else. Absent values are null either way and not named.
export const openColumns = async <T extends RecordTable>(cipher: FieldCipher, table: T, row: object, reveal: boolean): Promise<Opened> => {
  const held = row as Record<string, unknown>;
  const present = columnsOf(table).filter((c) => typeof held[propertyOf(c)] === 'string');
  const values: Record<string, unknown> = Object.fromEntries(columnsOf(table).map((c) => [propertyOf(c), null]));
  if (reveal) {
    for (const column of present) {
      const sealed = held[propertyOf(column)] as string;
      const context = SEALED_CONTEXT.record(table, column);
      values[propertyOf(column)] = SHAPES[table][column] === 'json' ? await cipher.openJson(sealed, context) : await cipher.open(sealed, context);
    }
  }
  return { values, masked: reveal ? [] : present.map(propertyOf) };
};

import { FieldCipher, SealedDeclaration, Sealer, SHREDDED_TEXT } from '@dh/crypto';

// The records' sealed columns (migrations 1795000000012 and 013), table by table: what counsellors write about the
// learner and family (Decree 56 Art. 33).
export const RECORD_SEALED_COLUMNS = {
  assessment_record: ['risk_rationale', 'difficulties', 'needs', 'wishes', 'facts', 'preliminary_view'],
  support_plan: ['revision_reason', 'goals', 'activities', 'partners', 'resources', 'time_and_place'],
  closure_record: ['outcome', 'results_achieved', 'results_not_achieved', 'reason', 'follow_up_plan'],
  counselling_session: ['place', 'methods', 'evaluation', 'refer_to'],
  family_contact: ['person_name', 'person_relationship', 'content', 'agreed'],
  follow_up_contact: ['with_whom', 'notes'],
  // The referral (migration 1795000000013): what the counsellor writes and what the receiver reports back.
  referral: ['reason', 'answer_note', 'declined_reason', 'feedback', 'outcome'],
} as const;
export type RecordTable = keyof typeof RECORD_SEALED_COLUMNS;
export type RecordSealedColumn<T extends RecordTable> = (typeof RECORD_SEALED_COLUMNS)[T][number];

function columnsOf<T extends RecordTable>(table: T): RecordSealedColumn<T>[] {
  return [...RECORD_SEALED_COLUMNS[table]] as RecordSealedColumn<T>[];
}

export const recordContext = <T extends RecordTable>(table: T, column: RecordSealedColumn<T>): string =>
  `${table}.${column}`;

// What the records seal, declared to the SealedRegistry at init (RecordsModule): the columns above, and the payloads
// of the records kept beside the stages (the family member, what was said, done and agreed).
export const RECORDS_SEALED: SealedDeclaration = {
  tables: (Object.keys(RECORD_SEALED_COLUMNS) as RecordTable[]).map((table) => ({
    table,
    key: 'id',
    caseColumn: 'case_id',
    columns: Object.fromEntries(columnsOf(table).map((c) => [c, recordContext(table, c)])),
  })),
  payloads: {
    SESSION_RECORDED: ['place', 'methods', 'evaluation', 'referTo'],
    FAMILY_CONTACT_RECORDED: ['person', 'content', 'agreed'],
    FOLLOW_UP_RECORDED: ['withWhom', 'notes'],
  },
};

// How each sealed column holds its value: a text, or a JSON list. Exhaustive over RECORD_SEALED_COLUMNS, the
// list the key rotation reads: a sealed column added there does not compile until it is described here.
const SHAPES: { [T in RecordTable]: Record<RecordSealedColumn<T>, 'text' | 'json'> } = {
  assessment_record: {
    risk_rationale: 'text',
    difficulties: 'text',
    needs: 'text',
    wishes: 'text',
    facts: 'text',
    preliminary_view: 'text',
  },
  support_plan: {
    revision_reason: 'text',
    goals: 'json',
    activities: 'json',
    partners: 'json',
    resources: 'text',
    time_and_place: 'text',
  },
  closure_record: {
    outcome: 'text',
    results_achieved: 'text',
    results_not_achieved: 'text',
    reason: 'text',
    follow_up_plan: 'text',
  },
  counselling_session: { place: 'text', methods: 'json', evaluation: 'text', refer_to: 'text' },
  family_contact: { person_name: 'text', person_relationship: 'text', content: 'text', agreed: 'text' },
  follow_up_contact: { with_whom: 'text', notes: 'text' },
  referral: { reason: 'text', answer_note: 'text', declined_reason: 'text', feedback: 'text', outcome: 'text' },
};

// The entity property of a column: preliminary_view → preliminaryView.
const propertyOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

// The sealed columns of a new row, by entity property, from the values named the same way (absent: null).
export const sealColumns = <T extends RecordTable>(
  cipher: Sealer,
  table: T,
  values: object,
): Record<string, string | null> =>
  Object.fromEntries(
    columnsOf(table).map((column) => {
      const value = (values as Record<string, unknown>)[propertyOf(column)];
      const context = recordContext(table, column);
      if (value === undefined || value === null) return [propertyOf(column), null];
      return [
        propertyOf(column),
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a text column's value is a validated string
        SHAPES[table][column] === 'json' ? cipher.sealJson(value, context) : cipher.seal(String(value), context),
      ];
    }),
  );

export type Opened = { values: Record<string, unknown>; masked: string[] };

// A row's sealed values opened for a reader who may read them, or null in their place and their names in
// `masked` for everyone else. Absent values are null either way and not named.
export const openColumns = async <T extends RecordTable>(
  cipher: FieldCipher,
  table: T,
  row: object,
  reveal: boolean,
): Promise<Opened> => {
  const held = row as Record<string, unknown>;
  const present = columnsOf(table).filter((c) => typeof held[propertyOf(c)] === 'string');
  const values: Record<string, unknown> = Object.fromEntries(columnsOf(table).map((c) => [propertyOf(c), null]));
  if (reveal) {
    for (const column of present) {
      const sealed = held[propertyOf(column)] as string;
      const context = recordContext(table, column);
      values[propertyOf(column)] =
        SHAPES[table][column] === 'json'
          ? await cipher.openJson(sealed, context, [SHREDDED_TEXT])
          : await cipher.open(sealed, context);
    }
  }
  return { values, masked: reveal ? [] : present.map(propertyOf) };
};

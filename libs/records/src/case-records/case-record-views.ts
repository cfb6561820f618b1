import { FieldCipher } from '@dh/crypto';
import { EntityManager } from 'typeorm';
import { AssessmentRecord } from '../assessments/assessment-record.entity';
import { ClosureRecord } from '../closures/closure-record.entity';
import { FamilyContact } from '../family-contacts/family-contact.entity';
import { FollowUpContact } from '../follow-ups/follow-up-contact.entity';
import { SupportPlan } from '../plans/support-plan.entity';
import { CounsellingSession } from '../sessions/counselling-session.entity';
import { openColumns, RecordTable } from './sealed-columns';

// A record as its readers see it: its columns by property name, the sealed ones opened or null, and `masked`
// naming those left out for a reader who may not read the case's confidential content.
export type RecordView = Record<string, unknown> & { id: string; masked: string[] };

type Kind = { list: string; name: string; table: RecordTable; entity: new () => object; order: string };

// The lists of GET /cases/:id/records, each oldest first: by when it happened where the record says so.
export const RECORD_KINDS: Kind[] = [
  {
    list: 'assessments',
    name: 'assessment',
    table: 'assessment_record',
    entity: AssessmentRecord,
    order: 'recordedAt',
  },
  { list: 'plans', name: 'plan', table: 'support_plan', entity: SupportPlan, order: 'revision' },
  { list: 'sessions', name: 'session', table: 'counselling_session', entity: CounsellingSession, order: 'startedAt' },
  {
    list: 'familyContacts',
    name: 'familyContact',
    table: 'family_contact',
    entity: FamilyContact,
    order: 'contactedAt',
  },
  { list: 'closures', name: 'closure', table: 'closure_record', entity: ClosureRecord, order: 'recordedAt' },
  { list: 'followUps', name: 'followUp', table: 'follow_up_contact', entity: FollowUpContact, order: 'contactedAt' },
];

export const toRecordView = async (
  cipher: FieldCipher,
  table: RecordTable,
  row: object,
  reveal: boolean,
): Promise<RecordView> => {
  const { values, masked } = await openColumns(cipher, table, row, reveal);
  const { schoolId: _school, ...shown } = row as Record<string, unknown>;
  return { ...shown, ...values, masked } as RecordView;
};

export type LoadedRecords = { kind: Kind; rows: object[] }[];

// One query after another: they share the transaction's connection.
export const loadRecords = async (tx: EntityManager, caseId: string): Promise<LoadedRecords> => {
  const loaded: LoadedRecords = [];
  for (const kind of RECORD_KINDS) {
    loaded.push({
      kind,
      rows: await tx
        .getRepository(kind.entity)
        .find({ where: { caseId }, order: { [kind.order]: 'ASC', recordedAt: 'ASC', id: 'ASC' } }),
    });
  }
  return loaded;
};

// The sealed fields the answer holds, named `<record>.<field>`: what a VIEWED event says was read.
export const sealedFieldNames = async (cipher: FieldCipher, loaded: LoadedRecords): Promise<string[]> => {
  const names = new Set<string>();
  for (const { kind, rows } of loaded) {
    for (const row of rows)
      for (const f of (await openColumns(cipher, kind.table, row, false)).masked) names.add(`${kind.name}.${f}`);
  }
  return [...names].sort();
};

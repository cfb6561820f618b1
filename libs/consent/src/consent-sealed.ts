import type { SealedDeclaration } from '@dh/crypto';

// What consents seal, declared to the SealedRegistry at init (ConsentModule): the guardian is a family detail;
// the purpose and the reason are the counsellor's words.
export const CONSENT_SEALED_COLUMNS = [
  'guardian_name',
  'guardian_relationship',
  'purpose',
  'withdrawal_reason',
] as const;
export type ConsentSealedColumn = (typeof CONSENT_SEALED_COLUMNS)[number];

export const consentContext = (column: ConsentSealedColumn): string => `consent.${column}`;

export const CONSENT_SEALED: SealedDeclaration = {
  tables: [
    {
      table: 'consent',
      key: 'id',
      caseColumn: 'case_id',
      columns: Object.fromEntries(CONSENT_SEALED_COLUMNS.map((c) => [c, consentContext(c)])),
    },
  ],
  payloads: { CONSENT_RECORDED: ['guardianName', 'guardianRelationship', 'purpose'], CONSENT_WITHDRAWN: ['reason'] },
};

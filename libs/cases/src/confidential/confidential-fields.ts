// The case row's own confidential columns, sealed at rest like the trail's (libs/audit confidential-payload).
export const CASE_CONFIDENTIAL_FIELDS = ['summary', 'riskRationale'] as const;
// The intake's narrative beside the summary (Mẫu 01), sealed the same way but optional: a read or a mask names
// them only where the intake recorded them.
export const CASE_NARRATIVE_FIELDS = ['familyCircumstances', 'actionsTaken'] as const;
export type CaseNarrativeField = (typeof CASE_NARRATIVE_FIELDS)[number];

// libs/records' sealed columns (migrations 1795000000012 and 013), table by table: what counsellors write about the
// learner and family (Decree 56 Art. 33). Named here so that the key rotation covers them without importing it.
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
export type ReferralSealedColumn = RecordSealedColumn<'referral'>;
export const REPORTER_FIELDS = ['name', 'phone', 'relationship', 'contact'] as const;
export type ReporterField = (typeof REPORTER_FIELDS)[number];

export const SEALED_CONTEXT = {
  summary: 'case.summary',
  riskRationale: 'case.risk_rationale',
  familyCircumstances: 'case.family_circumstances',
  actionsTaken: 'case.actions_taken',
  reporter: (field: ReporterField) => `case_reporter.${field}`,
  guardians: 'learner.guardians',
  // libs/consent's sealed columns, named here so that the rotation below covers them without importing it.
  consent: (field: 'guardian_name' | 'guardian_relationship' | 'purpose' | 'withdrawal_reason') => `consent.${field}`,
  record: <T extends RecordTable>(table: T, column: RecordSealedColumn<T>) => `${table}.${column}`,
  referral: (field: ReferralSealedColumn) => `referral.${field}`,
} as const;

// The case row's own confidential columns, sealed at rest like the trail's (libs/audit confidential-payload).
export const CASE_CONFIDENTIAL_FIELDS = ['summary', 'riskRationale'] as const;

export const REFERRAL_SEALED_COLUMNS = ['reason', 'answer_note', 'declined_reason', 'feedback', 'outcome'] as const;
export type ReferralSealedColumn = (typeof REFERRAL_SEALED_COLUMNS)[number];

export const SEALED_CONTEXT = {
  summary: 'case.summary',
  riskRationale: 'case.risk_rationale',
  reporter: (field: 'name' | 'phone' | 'relationship') => `case_reporter.${field}`,
  guardians: 'learner.guardians',
  // libs/consent's sealed columns, named here so that the rotation below covers them without importing it.
  consent: (field: 'guardian_name' | 'guardian_relationship' | 'purpose' | 'withdrawal_reason') => `consent.${field}`,
  // libs/records' referral: what the counsellor writes about the learner and what the receiver reports back.
  referral: (field: ReferralSealedColumn) => `referral.${field}`,
} as const;

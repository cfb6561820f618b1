// The case row's own confidential columns, sealed at rest like the trail's (libs/audit confidential-payload).
export const CASE_CONFIDENTIAL_FIELDS = ['summary', 'riskRationale'] as const;

export const REPORTER_FIELDS = ['name', 'phone', 'relationship', 'contact'] as const;
export type ReporterField = (typeof REPORTER_FIELDS)[number];

export const SEALED_CONTEXT = {
  summary: 'case.summary',
  riskRationale: 'case.risk_rationale',
  reporter: (field: ReporterField) => `case_reporter.${field}`,
  guardians: 'learner.guardians',
  // libs/consent's sealed columns, named here so that the rotation below covers them without importing it.
  consent: (field: 'guardian_name' | 'guardian_relationship' | 'purpose' | 'withdrawal_reason') => `consent.${field}`,
} as const;

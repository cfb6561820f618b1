import type { SealedDeclaration } from '@dh/crypto';

// The case row's own confidential columns, sealed at rest like the trail's.
export const CASE_CONFIDENTIAL_FIELDS = ['summary', 'riskRationale'] as const;
// The intake's narrative beside the summary (Mẫu 01), sealed the same way but optional: a read or a mask names
// them only where the intake recorded them.
export const CASE_NARRATIVE_FIELDS = ['familyCircumstances', 'actionsTaken'] as const;
export type CaseNarrativeField = (typeof CASE_NARRATIVE_FIELDS)[number];

export const REPORTER_FIELDS = ['name', 'phone', 'relationship', 'contact'] as const;
export type ReporterField = (typeof REPORTER_FIELDS)[number];

export const SEALED_CONTEXT = {
  summary: 'case.summary',
  riskRationale: 'case.risk_rationale',
  familyCircumstances: 'case.family_circumstances',
  actionsTaken: 'case.actions_taken',
  reporter: (field: ReporterField) => `case_reporter.${field}`,
} as const;

// What this library seals, declared to the SealedRegistry at init (CasesModule): its tables' columns, and the
// payload fields of the events it writes, the case machine's among them. Everything the counsellor writes
// about the learner and family (Decree 56 Art. 33).
export const CASES_SEALED: SealedDeclaration = {
  tables: [
    {
      table: 'case',
      key: 'id',
      caseColumn: 'id',
      columns: {
        summary: SEALED_CONTEXT.summary,
        risk_rationale: SEALED_CONTEXT.riskRationale,
        family_circumstances: SEALED_CONTEXT.familyCircumstances,
        actions_taken: SEALED_CONTEXT.actionsTaken,
      },
    },
    {
      table: 'case_reporter',
      key: 'case_id',
      caseColumn: 'case_id',
      columns: Object.fromEntries(REPORTER_FIELDS.map((c) => [c, SEALED_CONTEXT.reporter(c)])),
    },
  ],
  payloads: {
    CASE_OPENED: ['summary', 'riskRationale', 'receivedLateReason', 'familyCircumstances', 'actionsTaken'],
    COMPLETE_ASSESSMENT: ['riskRationale', 'difficulties', 'needs', 'wishes', 'facts', 'preliminaryView'],
    UPDATE_RISK: ['riskRationale'],
    ADD_NOTE: ['text'],
    // Partners and resources name the services the learner receives (Decree 56 Art. 33); time and place may be
    // their home.
    SUBMIT_PLAN: ['goals', 'activities', 'partners', 'resources', 'timeAndPlace'],
    REVISE_PLAN: ['goals', 'activities', 'partners', 'resources', 'timeAndPlace', 'reason'],
    RETURN_PLAN: ['reason'],
    REFER: ['reason'],
    REFERRAL_ACCEPTED: ['note'],
    REFERRAL_DECLINED: ['reason'],
    REFERRAL_COMPLETED: ['feedback', 'outcome'],
    PROPOSE_CLOSURE: ['outcome', 'resultsAchieved', 'resultsNotAchieved', 'reason', 'followUpPlan'],
    CLOSE: ['outcome', 'resultsAchieved', 'resultsNotAchieved', 'reason', 'followUpPlan'],
    CLOSE_AT_INTAKE: ['reason'],
    REJECT_CLOSURE: ['reason'],
    FOLLOW_UP_DONE: ['notes', 'stopReason'],
    REOPEN: ['reason'],
    RAISE_PROTECTION_CONCERN: ['facts', 'receivedLateReason'],
    CLOCKS_PAUSED: ['reason'],
  },
};

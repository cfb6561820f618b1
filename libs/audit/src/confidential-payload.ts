// What is confidential in the trail (Decree 56 Art. 33): everything the counsellor writes about the learner
// and family. Sealed when the event is appended, so the chain's hash covers the sealed form and re-keying
// never rewrites an event; opened only for a reader the access rules allow, and that read is itself an event.
export const PAYLOAD_CONFIDENTIAL_FIELDS: Record<string, string[]> = {
  CASE_OPENED: ['summary', 'riskRationale', 'receivedLateReason', 'familyCircumstances', 'actionsTaken'],
  COMPLETE_ASSESSMENT: ['riskRationale', 'difficulties', 'needs', 'wishes', 'facts', 'preliminaryView'],
  UPDATE_RISK: ['riskRationale'],
  ADD_NOTE: ['text'],
  // Partners and resources name the services the learner receives (Decree 56 Art. 33); time and place may be their home.
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
  ALERT_ACKNOWLEDGED: ['nextAction'],
  // Consent (libs/consent): the guardian is a family detail; the purpose and the reason are the counsellor's words.
  CONSENT_RECORDED: ['guardianName', 'guardianRelationship', 'purpose'],
  CONSENT_WITHDRAWN: ['reason'],
  // Case records kept beside the stages (libs/records): the family member, what was said, done and agreed.
  SESSION_RECORDED: ['place', 'methods', 'evaluation', 'referTo'],
  FAMILY_CONTACT_RECORDED: ['person', 'content', 'agreed'],
  FOLLOW_UP_RECORDED: ['withWhom', 'notes'],
};

export const confidentialFieldsOf = (type: string, payload: Record<string, unknown>): string[] =>
  (PAYLOAD_CONFIDENTIAL_FIELDS[type] ?? []).filter((f) => payload[f] !== undefined && payload[f] !== null);

export const payloadContext = (type: string, field: string): string => `audit_event:${type}.${field}`;

// The payload with its confidential values blanked, and the names of what was blanked.
export const maskPayload = (type: string, payload: Record<string, unknown>): { payload: Record<string, unknown>; masked: string[] } => {
  const fields = confidentialFieldsOf(type, payload);
  if (fields.length === 0) return { payload, masked: [] };
  return { payload: { ...payload, ...Object.fromEntries(fields.map((f) => [f, null])) }, masked: fields };
};

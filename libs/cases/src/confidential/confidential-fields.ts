// What is confidential (Decree 56 Art. 33): the narrative and everything the counsellor writes about the
// learner and family. Read only by those the role table allows; every such read is in the case's chain.
export const CASE_CONFIDENTIAL_FIELDS = ['summary', 'riskRationale'] as const;

export const PAYLOAD_CONFIDENTIAL_FIELDS: Record<string, string[]> = {
  CASE_OPENED: ['summary', 'riskRationale'],
  COMPLETE_ASSESSMENT: ['riskRationale', 'difficulties', 'needs'],
  UPDATE_RISK: ['riskRationale'],
  ADD_NOTE: ['text'],
  SUBMIT_PLAN: ['goals'],
  REVISE_PLAN: ['goals', 'reason'],
  RETURN_PLAN: ['reason'],
  REFER: ['reason'],
  REFERRAL_DECLINED: ['reason'],
  REFERRAL_COMPLETED: ['feedback'],
  PROPOSE_CLOSURE: ['outcome'],
  CLOSE: ['outcome'],
  CLOSE_AT_INTAKE: ['reason'],
  REJECT_CLOSURE: ['reason'],
  FOLLOW_UP_DONE: ['notes'],
  REOPEN: ['reason'],
  RAISE_PROTECTION_CONCERN: ['facts'],
  CLOCKS_PAUSED: ['reason'],
};

// The payload with its confidential values blanked, and the names of what was blanked.
export const maskPayload = (type: string, payload: Record<string, unknown>): { payload: Record<string, unknown>; masked: string[] } => {
  const fields = (PAYLOAD_CONFIDENTIAL_FIELDS[type] ?? []).filter((f) => payload[f] !== undefined && payload[f] !== null);
  if (fields.length === 0) return { payload, masked: [] };
  return { payload: { ...payload, ...Object.fromEntries(fields.map((f) => [f, null])) }, masked: fields };
};

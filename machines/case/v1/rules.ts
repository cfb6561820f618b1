import { all, closureNeedsApproval, goals, isoDate, makeRules, none, optionalText, refusal, riskLevel, Rule, text } from '../rules-kit';
import type { CaseContext, CaseEventType, Refusal } from '../types';

export { isHighRisk } from '../rules-kit';

// case@1's rules: every guard of the machine, the engine's refusal reasons and allowedEvents come from here.

const plan = all(goals, text('responsible'), isoDate('reviewDate'));

// A report from the public form names no learner until the case team does (libs/intake); records and consents
// hang on the learner from the assessment on. Only a context that says so refuses: case@1 cases always name
// their learner, and a snapshot stored before the field was kept gets it from its row (CaseEntity).
const learnerNamed = (c: CaseContext): Refusal | null =>
  c.learnerKnown === false
    ? refusal(
      'learner_unknown',
      'Hồ sơ chưa xác định học sinh. Hãy xác định học sinh trước khi bắt đầu đánh giá.',
      'The case’s learner is not named yet; name the learner before starting the assessment.',
    )
    : null;

export type V1EventType = Exclude<CaseEventType, 'RAISE_PROTECTION_CONCERN' | 'RECORD_PROTECTION_NOTIFICATION'>;

export const RULES_V1: Record<V1EventType, Rule> = {
  START_ASSESSMENT: { payload: none, when: learnerNamed },
  COMPLETE_ASSESSMENT: { payload: all(riskLevel, text('riskRationale', 'difficulties', 'needs')) },
  SUBMIT_PLAN: { payload: plan },
  REVISE_PLAN: { payload: all(plan, text('reason')) },
  APPROVE_PLAN: { supervisorOnly: true, separateReviewer: true, payload: optionalText('comment') },
  RETURN_PLAN: { supervisorOnly: true, separateReviewer: true, payload: text('reason') },
  REFER: { payload: text('receiver', 'reason') },
  REFERRAL_ACCEPTED: { payload: none },
  REFERRAL_DECLINED: { payload: text('reason') },
  REFERRAL_COMPLETED: { payload: text('feedback') },
  PROPOSE_CLOSURE: { payload: text('outcome') },
  APPROVE_CLOSURE: { supervisorOnly: true, separateReviewer: true, payload: optionalText('comment') },
  REJECT_CLOSURE: { supervisorOnly: true, separateReviewer: true, payload: text('reason') },
  // case@1's stages have no review on these paths (its published graph stays as it is): on a high or critical
  // case the supervisor's own closing is the approval. case@2 sends CLOSE to review instead.
  CLOSE: { payload: text('outcome'), supervisorOnlyWhen: closureNeedsApproval },
  CLOSE_AT_INTAKE: { payload: text('reason'), supervisorOnlyWhen: closureNeedsApproval },
  FOLLOW_UP_DONE: { payload: text('notes') },
  REOPEN: { payload: text('reason') },
  ASSIGN: {
    supervisorOnly: true,
    payload: text('assigneeId'),
    when: (c) => (c.assigneeId ? refusal('already_assigned', 'Hồ sơ đã có người phụ trách; hãy dùng thao tác phân công lại.', 'The case already has an assignee; use REASSIGN.') : null),
  },
  REASSIGN: {
    supervisorOnly: true,
    payload: text('assigneeId'),
    when: (c) => (c.assigneeId ? null : refusal('not_assigned', 'Hồ sơ chưa có người phụ trách; hãy dùng thao tác phân công.', 'The case has no assignee yet; use ASSIGN.')),
    with: (c, p) =>
      p.assigneeId === c.assigneeId
        ? refusal('same_assignee', 'Người được phân công lại phải khác người đang phụ trách.', 'Reassign to someone other than the current assignee.', ['assigneeId'])
        : null,
  },
  UPDATE_RISK: { payload: all(riskLevel, text('riskRationale')) },
  ADD_NOTE: { payload: text('text') },
};

export const { mayAttempt, checkEvent } = makeRules(RULES_V1);

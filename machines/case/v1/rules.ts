import { closureNeedsApproval, makeRules, refusal, Rule } from '../rules-kit';
import type { CaseContext, CaseEventType, Refusal } from '../types';

export { isHighRisk } from '../rules-kit';

// case@1's rules: every guard of the machine, the engine's refusal reasons and allowedEvents come from here.

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
  START_ASSESSMENT: { when: learnerNamed },
  COMPLETE_ASSESSMENT: {},
  SUBMIT_PLAN: {},
  REVISE_PLAN: {},
  APPROVE_PLAN: { supervisorOnly: true, separateReviewer: true },
  RETURN_PLAN: { supervisorOnly: true, separateReviewer: true },
  REFER: {},
  REFERRAL_ACCEPTED: {},
  REFERRAL_DECLINED: {},
  REFERRAL_COMPLETED: {},
  PROPOSE_CLOSURE: {},
  APPROVE_CLOSURE: { supervisorOnly: true, separateReviewer: true },
  REJECT_CLOSURE: { supervisorOnly: true, separateReviewer: true },
  // case@1's stages have no review on these paths (its published graph stays as it is): on a high or critical
  // case the supervisor's own closing is the approval. case@2 sends CLOSE to review instead.
  CLOSE: { supervisorOnlyWhen: closureNeedsApproval },
  CLOSE_AT_INTAKE: { supervisorOnlyWhen: closureNeedsApproval },
  FOLLOW_UP_DONE: {},
  REOPEN: {},
  ASSIGN: {
    supervisorOnly: true,
    when: (c) =>
      c.assigneeId
        ? refusal(
            'already_assigned',
            'Hồ sơ đã có người phụ trách; hãy dùng thao tác phân công lại.',
            'The case already has an assignee; use REASSIGN.',
          )
        : null,
  },
  REASSIGN: {
    supervisorOnly: true,
    when: (c) =>
      c.assigneeId
        ? null
        : refusal(
            'not_assigned',
            'Hồ sơ chưa có người phụ trách; hãy dùng thao tác phân công.',
            'The case has no assignee yet; use ASSIGN.',
          ),
    with: (c, e) =>
      e.type === 'REASSIGN' && e.payload.assigneeId === c.assigneeId
        ? refusal(
            'same_assignee',
            'Người được phân công lại phải khác người đang phụ trách.',
            'Reassign to someone other than the current assignee.',
            ['assigneeId'],
          )
        : null,
  },
  UPDATE_RISK: {},
  ADD_NOTE: {},
};

export const { mayAttempt, checkEvent } = makeRules(RULES_V1);

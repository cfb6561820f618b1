import type { Actor, CaseContext, CaseEvent, CaseEventType, MachineEvent, Refusal, RiskLevel } from './types';

// Building blocks of a machine version's rules: who may send what, and what the case's state allows, in one table
// per version. The payload's shape is not theirs: the API's payload classes check it before the machine runs.

export const isHighRisk = (level: RiskLevel): boolean => level === 'high' || level === 'critical';
// Issue 13: whoever sends the closing event, a supervisor other than the proposer decides on such a case. A concern
// counts from the moment it is raised: once reported it no longer blocks closure, but the case stays a risky one.
export const closureNeedsApproval = (c: CaseContext): boolean => isHighRisk(c.riskLevel) || c.protection !== undefined;

export const refusal = (reason: Refusal['reason'], message: string, messageEn: string, fields?: string[]): Refusal =>
  fields ? { reason, message, messageEn, fields } : { reason, message, messageEn };

export type Rule = {
  supervisorOnly?: boolean;
  // Only a supervisor, when the case is such (a risky case closed at once, with no review to wait for).
  supervisorOnlyWhen?: (c: CaseContext) => boolean;
  separateReviewer?: boolean;
  // Roles beyond counsellor and supervisor who may send it (the principal, for a protection concern).
  alsoRoles?: Actor['roles'];
  // Rules on the case itself (its context and stage), after role and assignment.
  when?: (c: CaseContext, stage?: string) => Refusal | null;
  // Rules that weigh the payload against the case (its typed fields: narrow on event.type).
  with?: (c: CaseContext, event: MachineEvent) => Refusal | null;
};

export type CaseRules = {
  // `stage` is known to the engine, not to a guard inside the machine (which checks it with stateIn).
  mayAttempt: (context: CaseContext, type: CaseEventType, actor: Actor, stage?: string) => Refusal | null;
  checkEvent: (context: CaseContext, event: CaseEvent, stage?: string) => Refusal | null;
};

export const makeRules = (table: Partial<Record<CaseEventType, Rule>>): CaseRules => {
  // Role, assignment, separation of duties and the case's own state: may the caller try this at all?
  const mayAttempt: CaseRules['mayAttempt'] = (context, type, actor, stage) => {
    const rule = table[type];
    if (!rule)
      return refusal(
        'role_not_allowed',
        'Thao tác này không có trong quy trình của hồ sơ.',
        'This event is not part of this case’s process.',
      );
    const supervisor = actor.roles.includes('supervisor');
    const counsellor = actor.roles.includes('counsellor');
    const extra = (rule.alsoRoles ?? []).some((r) => actor.roles.includes(r));
    if (rule.supervisorOnly && !supervisor) {
      return refusal(
        'role_not_allowed',
        'Chỉ tổ trưởng tư vấn mới được thực hiện thao tác này.',
        'Only a supervisor may do this.',
      );
    }
    if (!supervisor && !counsellor && !extra) {
      return refusal(
        'role_not_allowed',
        'Vai trò của tài khoản không được phép thao tác trên hồ sơ này.',
        'Your role may not act on this case.',
      );
    }
    if (!supervisor && !extra && context.assigneeId !== actor.id) {
      return refusal(
        'not_assignee',
        'Chỉ người được phân công phụ trách hồ sơ mới được thực hiện thao tác này.',
        'You are not the assignee of this case.',
      );
    }
    if (!supervisor && rule.supervisorOnlyWhen?.(context)) {
      return refusal(
        'supervisor_approval_required',
        'Chỉ tổ trưởng tư vấn mới được kết thúc hồ sơ có nguy cơ cao, nghiêm trọng hoặc có tin báo bảo vệ trẻ em.',
        'Only a supervisor may close a high or critical case, or one with a child-protection concern.',
      );
    }
    if (rule.separateReviewer && context.submittedBy === actor.id) {
      return refusal(
        'own_submission',
        'Không thể tự phê duyệt đề xuất của chính mình.',
        'No one may review their own submission.',
      );
    }
    return rule.when?.(context, stage) ?? null;
  };

  const judge = (context: CaseContext, event: CaseEvent, stage?: string): Refusal | null => {
    const denied = mayAttempt(context, event.type, event.actor, stage);
    if (denied) return denied;
    // The caller checked the payload against its event's class (libs/cases validateEventPayload): typed from here.
    return table[event.type]?.with?.(context, event as MachineEvent) ?? null;
  };

  // The engine asks with the stage, then the machine's guards ask again during the same transition, without it
  // (the state node they sit on implies it), on the same event and context objects: the engine's verdict stands
  // for them, so the rules run once per step. A guard asked on its own (no engine before it) judges afresh.
  const verdicts = new WeakMap<CaseEvent, { context: CaseContext; verdict: Refusal | null }>();
  const checkEvent: CaseRules['checkEvent'] = (context, event, stage) => {
    const known = verdicts.get(event);
    if (known && known.context === context) return known.verdict;
    const verdict = judge(context, event, stage);
    if (stage !== undefined) verdicts.set(event, { context, verdict });
    return verdict;
  };

  return { mayAttempt, checkEvent };
};

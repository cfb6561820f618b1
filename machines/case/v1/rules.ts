import type { Actor, CaseContext, CaseEvent, CaseEventType, Refusal, RiskLevel } from '../types';

// The rules every guard of case@1 calls: who may send an event, on which case, with what payload.
// One source of truth: the machine's guards, the engine's refusal reasons and allowedEvents all come from here.

const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high', 'critical'];
export const isHighRisk = (level: RiskLevel): boolean => level === 'high' || level === 'critical';

type PayloadCheck = (payload: Record<string, unknown>) => string[];

const text = (...names: string[]): PayloadCheck => (p) => names.filter((n) => typeof p[n] !== 'string' || !/\S/.test(p[n] as string));
const optionalText = (...names: string[]): PayloadCheck => (p) => names.filter((n) => p[n] !== undefined && typeof p[n] !== 'string');
const riskLevel: PayloadCheck = (p) => (RISK_LEVELS.includes(p.riskLevel as RiskLevel) ? [] : ['riskLevel']);
const isoDate: (name: string) => PayloadCheck = (name) => (p) => {
  const v = p[name];
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return [name];
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) ? [] : [name];
};
const goals: PayloadCheck = (p) =>
  Array.isArray(p.goals) && p.goals.length > 0 && p.goals.every((g) => typeof g === 'string' && /\S/.test(g)) ? [] : ['goals'];
const all = (...checks: PayloadCheck[]): PayloadCheck => (p) => checks.flatMap((c) => c(p));
const none: PayloadCheck = () => [];

const plan = all(goals, text('responsible'), isoDate('reviewDate'));

type Rule = { supervisorOnly?: boolean; separateReviewer?: boolean; payload: PayloadCheck; when?: (c: CaseContext) => Refusal | null };

const refusal = (reason: Refusal['reason'], message: string, messageEn: string, fields?: string[]): Refusal =>
  fields ? { reason, message, messageEn, fields } : { reason, message, messageEn };

const RULES: Record<CaseEventType, Rule> = {
  START_ASSESSMENT: { payload: none },
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
  CLOSE: { payload: text('outcome') },
  CLOSE_AT_INTAKE: { payload: text('reason') },
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
  },
  UPDATE_RISK: { payload: all(riskLevel, text('riskRationale')) },
  ADD_NOTE: { payload: text('text') },
};

// Role, assignment and separation of duties: what decides whether the caller may try the event at all.
export const mayAttempt = (context: CaseContext, type: CaseEventType, actor: Actor): Refusal | null => {
  const rule = RULES[type];
  const supervisor = actor.roles.includes('supervisor');
  const counsellor = actor.roles.includes('counsellor');
  if (rule.supervisorOnly && !supervisor) {
    return refusal('role_not_allowed', 'Chỉ tổ trưởng tư vấn (giám sát) mới được thực hiện thao tác này.', 'Only a supervisor may do this.');
  }
  if (!supervisor && !counsellor) {
    return refusal('role_not_allowed', 'Vai trò của bạn không được thao tác trên hồ sơ này.', 'Your role may not act on this case.');
  }
  if (!supervisor && context.assigneeId !== actor.id) {
    return refusal('not_assignee', 'Bạn không phải người được phân công phụ trách hồ sơ này.', 'You are not the assignee of this case.');
  }
  if (rule.separateReviewer && context.submittedBy === actor.id) {
    return refusal('own_submission', 'Không thể tự phê duyệt đề xuất của chính mình.', 'No one may review their own submission.');
  }
  return rule.when?.(context) ?? null;
};

export const checkEvent = (context: CaseContext, event: CaseEvent): Refusal | null => {
  const denied = mayAttempt(context, event.type, event.actor);
  if (denied) return denied;
  const missing = RULES[event.type].payload(event.payload ?? {});
  if (missing.length) {
    return refusal('payload_incomplete', `Thiếu hoặc sai thông tin bắt buộc: ${missing.join(', ')}.`, `Missing or invalid: ${missing.join(', ')}.`, missing);
  }
  if (event.type === 'REASSIGN' && event.payload.assigneeId === context.assigneeId) {
    return refusal('same_assignee', 'Người được phân công lại phải khác người đang phụ trách.', 'Reassign to someone other than the current assignee.', ['assigneeId']);
  }
  return null;
};

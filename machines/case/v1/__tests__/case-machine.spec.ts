import { arrowsOf } from '../../diagram';
import { acceptedEvents, allowedEventsFor, InvalidSnapshotError, startCase, stateMetaOf, stepCase } from '../../engine';
import type { Actor, CaseEvent, PersistedCase, RiskLevel, StepResult } from '../../types';
import { caseMachineV1 } from '../machine';
import type { V1EventType } from '../rules';

const V = 'case@1';
const tv: Actor = { id: 'tv-1', roles: ['counsellor'] };
const tv2: Actor = { id: 'tv-2', roles: ['counsellor'] };
const tt: Actor = { id: 'tt-1', roles: ['supervisor'] };
const tt2: Actor = { id: 'tt-2', roles: ['supervisor'] };
const ht: Actor = { id: 'ht-1', roles: ['principal'] };

const PAYLOAD: Record<V1EventType, Record<string, unknown>> = {
  START_ASSESSMENT: {},
  COMPLETE_ASSESSMENT: { riskLevel: 'medium', riskRationale: 'lý do', difficulties: 'khó khăn', needs: 'nhu cầu' },
  SUBMIT_PLAN: { goals: ['mục tiêu'], responsible: 'cô Lan', reviewDate: '2026-04-15' },
  REVISE_PLAN: {
    goals: ['mục tiêu mới'],
    responsible: 'cô Lan',
    reviewDate: '2026-05-15',
    reason: 'tình hình thay đổi',
  },
  APPROVE_PLAN: {},
  RETURN_PLAN: { reason: 'bổ sung' },
  REFER: { receiver: 'Trạm y tế phường', reason: 'cần chuyên gia' },
  REFERRAL_ACCEPTED: {},
  REFERRAL_DECLINED: { reason: 'không nhận' },
  REFERRAL_COMPLETED: { feedback: 'đã hỗ trợ' },
  PROPOSE_CLOSURE: { outcome: 'đạt' },
  APPROVE_CLOSURE: { comment: 'đồng ý' },
  REJECT_CLOSURE: { reason: 'chưa đủ' },
  CLOSE: { outcome: 'đạt' },
  CLOSE_AT_INTAKE: { reason: 'không phải ca tư vấn' },
  FOLLOW_UP_DONE: { notes: 'ổn định' },
  REOPEN: { reason: 'tái diễn' },
  ASSIGN: { assigneeId: 'tv-1' },
  REASSIGN: { assigneeId: 'tv-2' },
  UPDATE_RISK: { riskLevel: 'high', riskRationale: 'có dấu hiệu mới' },
  ADD_NOTE: { text: 'ghi chú' },
};

const ev = (type: V1EventType, actor: Actor = tv, payload = PAYLOAD[type]): CaseEvent => ({ type, actor, payload });
const okStep = (persisted: PersistedCase, e: CaseEvent): PersistedCase => {
  const r = stepCase(V, persisted, e);
  if (!r.ok) throw new Error(`${e.type} refused: ${JSON.stringify(r)}`);
  return r.snapshot;
};
// A case in `state` reached through the machine itself.
const ROUTES: Record<string, [V1EventType, Actor?][]> = {
  intake: [],
  assessment: [['START_ASSESSMENT']],
  planning: [['START_ASSESSMENT'], ['COMPLETE_ASSESSMENT']],
  monitoring: [['START_ASSESSMENT'], ['COMPLETE_ASSESSMENT'], ['SUBMIT_PLAN']],
  'referral.pending': [['START_ASSESSMENT'], ['REFER']],
  'referral.inService': [['START_ASSESSMENT'], ['REFER'], ['REFERRAL_ACCEPTED']],
  'closed.followUp': [['CLOSE_AT_INTAKE']],
  'closed.archived': [['CLOSE_AT_INTAKE'], ['FOLLOW_UP_DONE']],
};
const caseIn = (state: string, risk: RiskLevel = 'medium'): PersistedCase => {
  let p = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: risk, learnerKnown: true }).snapshot;
  if (state === 'planReview' || state === 'closureReview') {
    p = caseIn(state === 'planReview' ? 'planning' : 'monitoring', 'high');
    return okStep(p, ev(state === 'planReview' ? 'SUBMIT_PLAN' : 'PROPOSE_CLOSURE'));
  }
  const route =
    state === 'monitoring' && (risk === 'high' || risk === 'critical')
      ? [...ROUTES.monitoring, ['APPROVE_PLAN', tt] as [V1EventType, Actor]]
      : ROUTES[state];
  for (const [type, actor] of route) {
    const payload = type === 'COMPLETE_ASSESSMENT' ? { ...PAYLOAD[type], riskLevel: risk } : PAYLOAD[type];
    p = okStep(p, ev(type, actor ?? tv, payload));
  }
  return p;
};
const stateOf = (p: PersistedCase) => stepCase(V, p, ev('ADD_NOTE')).ok;

describe('case@1 machine', () => {
  const sut = stepCase;

  it('starts in intake with the opener, assignee and risk in its context', () => {
    const started = startCase(V, { openedBy: tt.id, assigneeId: null, riskLevel: 'high', learnerKnown: true });
    expect(started).toMatchObject({
      state: 'intake',
      snapshot: { context: { assigneeId: null, riskLevel: 'high', openedBy: tt.id, submittedBy: null } },
    });
  });

  // [from, event, to, actor, risk] — every arrow of the diagram, taken once; compared with the definition below.
  const ARROWS: [string, V1EventType, string, Actor, RiskLevel][] = [
    ['intake', 'START_ASSESSMENT', 'assessment', tv, 'medium'],
    ['intake', 'CLOSE_AT_INTAKE', 'closed.followUp', tv, 'medium'],
    ['assessment', 'COMPLETE_ASSESSMENT', 'planning', tv, 'medium'],
    ['assessment', 'REFER', 'referral.pending', tv, 'medium'],
    ['assessment', 'CLOSE', 'closed.followUp', tv, 'medium'],
    ['planning', 'SUBMIT_PLAN', 'planReview', tv, 'high'],
    ['planning', 'SUBMIT_PLAN', 'monitoring', tv, 'low'],
    ['planReview', 'APPROVE_PLAN', 'monitoring', tt, 'high'],
    ['planReview', 'RETURN_PLAN', 'planning', tt, 'high'],
    ['monitoring', 'REVISE_PLAN', 'planning', tv, 'medium'],
    ['monitoring', 'REFER', 'referral.pending', tv, 'medium'],
    ['monitoring', 'PROPOSE_CLOSURE', 'closureReview', tv, 'critical'],
    ['monitoring', 'PROPOSE_CLOSURE', 'closed.followUp', tv, 'low'],
    ['closureReview', 'APPROVE_CLOSURE', 'closed.followUp', tt, 'high'],
    ['closureReview', 'REJECT_CLOSURE', 'monitoring', tt, 'high'],
    ['referral.pending', 'REFERRAL_ACCEPTED', 'referral.inService', tv, 'medium'],
    ['referral.pending', 'REFERRAL_DECLINED', 'assessment', tv, 'medium'],
    ['referral.inService', 'REFERRAL_COMPLETED', 'monitoring', tv, 'medium'],
    ['closed.followUp', 'FOLLOW_UP_DONE', 'closed.archived', tv, 'medium'],
    ['closed.followUp', 'REOPEN', 'assessment', tt, 'medium'],
    ['closed.archived', 'REOPEN', 'assessment', tv, 'medium'],
  ];

  it.each(ARROWS)('%s —%s→ %s', (from, type, to, actor, risk) => {
    const before = caseIn(from, risk);
    const r = sut(V, before, ev(type, actor));
    expect(r).toMatchObject({ ok: true, state: to });
  });

  it('has no arrow in its definition that the table above does not take', () => {
    const defined = arrowsOf(caseMachineV1)
      .filter((a) => a.from !== a.to)
      .map((a) => `${a.from} ${a.event} ${a.to}`);
    // The definition's REOPEN and the referral/closed arrows live on parent states; the table names leaves.
    const taken = ARROWS.map(([from, type, to]) => {
      const parent = type === 'REOPEN' ? 'closed' : from;
      const target = to === 'closed.followUp' ? 'closed' : to === 'referral.pending' ? 'referral' : to;
      return `${parent} ${type} ${target}`;
    });
    expect([...new Set(taken)].sort()).toEqual([...new Set(defined)].sort());
  });

  it('takes ASSIGN, REASSIGN, UPDATE_RISK and ADD_NOTE in every open state without leaving it', () => {
    for (const state of [
      'intake',
      'assessment',
      'planning',
      'planReview',
      'monitoring',
      'closureReview',
      'referral.pending',
      'referral.inService',
    ]) {
      let p = caseIn(state, state.endsWith('Review') ? 'high' : 'medium');
      p = okStep(p, ev('REASSIGN', tt));
      expect(p.context.assigneeId).toBe('tv-2');
      p = okStep(p, ev('UPDATE_RISK', tv2, { riskLevel: 'critical', riskRationale: 'nguy cơ' }));
      expect(p.context.riskLevel).toBe('critical');
      const noted = sut(V, p, ev('ADD_NOTE', tv2));
      expect(noted).toMatchObject({ ok: true, state });
    }
    expect(acceptedEvents(V, caseIn('closed.followUp'))).not.toContain('ADD_NOTE');
  });

  it('moves COMPLETE_ASSESSMENT’s risk level into the context, which then routes the plan', () => {
    const p = okStep(
      caseIn('assessment', 'low'),
      ev('COMPLETE_ASSESSMENT', tv, { ...PAYLOAD.COMPLETE_ASSESSMENT, riskLevel: 'high' }),
    );
    expect(p.context.riskLevel).toBe('high');
    expect(sut(V, p, ev('SUBMIT_PLAN'))).toMatchObject({
      ok: true,
      state: 'planReview',
      context: { submittedBy: tv.id },
    });
  });

  describe('refuses, with its reason, and changes nothing', () => {
    const refused = (p: PersistedCase, e: CaseEvent): Extract<StepResult, { kind: 'refused' }> => {
      const copy = JSON.stringify(p);
      const r = sut(V, p, e);
      expect(JSON.stringify(p)).toBe(copy);
      if (r.ok || r.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
      return r;
    };

    it('role_not_allowed: a principal works no case; a counsellor approves nothing', () => {
      expect(refused(caseIn('intake'), ev('START_ASSESSMENT', ht)).refusal.reason).toBe('role_not_allowed');
      const r = refused(caseIn('planReview'), ev('APPROVE_PLAN', tv));
      expect(r.refusal).toMatchObject({ reason: 'role_not_allowed', message: expect.stringMatching(/tổ trưởng/) });
      expect(refused(caseIn('intake'), ev('ASSIGN', tv)).refusal.reason).toBe('role_not_allowed');
    });

    it('not_assignee: a counsellor of the school who is not assigned', () => {
      expect(refused(caseIn('assessment'), ev('COMPLETE_ASSESSMENT', tv2)).refusal.reason).toBe('not_assignee');
    });

    it('own_submission: not even a supervisor reviews what they submitted', () => {
      let p = caseIn('planning', 'high');
      p = okStep(p, ev('SUBMIT_PLAN', tt));
      expect(refused(p, ev('APPROVE_PLAN', tt)).refusal.reason).toBe('own_submission');
      expect(refused(p, ev('RETURN_PLAN', tt)).refusal.reason).toBe('own_submission');
      expect(sut(V, p, ev('APPROVE_PLAN', tt2))).toMatchObject({
        ok: true,
        state: 'monitoring',
        context: { submittedBy: null },
      });
      let c = caseIn('monitoring', 'high');
      c = okStep(c, ev('PROPOSE_CLOSURE', tt));
      expect(refused(c, ev('APPROVE_CLOSURE', tt)).refusal.reason).toBe('own_submission');
      expect(refused(c, ev('REJECT_CLOSURE', tt)).refusal.reason).toBe('own_submission');
    });

    it('already_assigned, not_assigned and same_assignee', () => {
      expect(refused(caseIn('intake'), ev('ASSIGN', tt, { assigneeId: 'tv-2' })).refusal.reason).toBe(
        'already_assigned',
      );
      const unassigned = startCase(V, {
        openedBy: tt.id,
        assigneeId: null,
        riskLevel: 'low',
        learnerKnown: true,
      }).snapshot;
      expect(refused(unassigned, ev('REASSIGN', tt)).refusal.reason).toBe('not_assigned');
      expect(refused(caseIn('intake'), ev('REASSIGN', tt, { assigneeId: tv.id })).refusal.reason).toBe('same_assignee');
      expect(sut(V, unassigned, ev('ASSIGN', tt, { assigneeId: tv2.id }))).toMatchObject({
        ok: true,
        context: { assigneeId: tv2.id },
      });
    });

    it('an event the state does not take is not_allowed, with what the caller may send instead', () => {
      const r = sut(V, caseIn('intake'), ev('APPROVE_PLAN', tt));
      expect(r).toEqual({
        ok: false,
        kind: 'not_allowed',
        allowedEvents: ['ADD_NOTE', 'CLOSE_AT_INTAKE', 'REASSIGN', 'START_ASSESSMENT', 'UPDATE_RISK'],
      });
    });
  });

  it('tells each caller what they may send now', () => {
    const p = caseIn('planReview', 'high');
    expect(allowedEventsFor(V, p, tv)).toEqual(['ADD_NOTE', 'UPDATE_RISK']);
    expect(allowedEventsFor(V, p, tv2)).toEqual([]);
    expect(allowedEventsFor(V, p, tt)).toEqual(['ADD_NOTE', 'APPROVE_PLAN', 'REASSIGN', 'RETURN_PLAN', 'UPDATE_RISK']);
    expect(allowedEventsFor(V, p, ht)).toEqual([]);
    expect(allowedEventsFor(V, caseIn('closed.archived'), tv)).toEqual(['REOPEN']);
  });

  it('continues from a snapshot that went through JSON, and refuses a stored state it does not know', () => {
    const stored = JSON.parse(JSON.stringify(caseIn('referral.pending')));
    expect(sut(V, stored, ev('REFERRAL_ACCEPTED'))).toMatchObject({ ok: true, state: 'referral.inService' });
    expect(() => sut(V, { value: 'limbo', context: stored.context }, ev('ADD_NOTE'))).toThrow(InvalidSnapshotError);
    expect(() => sut(V, { value: { referral: 'lost' }, context: stored.context }, ev('ADD_NOTE'))).toThrow(/referral/);
    expect(() => sut(V, null, ev('ADD_NOTE'))).toThrow(InvalidSnapshotError);
    expect(stateOf(stored)).toBe(true);
  });

  it('declines every state’s service level in meta, as DOMAIN.md’s defaults', () => {
    expect(stateMetaOf(V, 'intake').deadlines[0]).toMatchObject({
      kind: 'first_contact',
      due: { workingDays: 1 },
      dueWhenHighRisk: { workingDays: 0 },
    });
    expect(stateMetaOf(V, 'assessment').deadlines[0]).toMatchObject({
      due: { workingDays: 5 },
      escalateTo: ['supervisor', 'principal', 'ward_officer'],
    });
    expect(stateMetaOf(V, 'planReview').deadlines[0]).toMatchObject({
      due: { workingDays: 2 },
      escalateTo: ['principal'],
    });
    expect(stateMetaOf(V, 'monitoring').deadlines[0]).toMatchObject({ due: { calendarDays: 30 }, repeat: true });
    expect(stateMetaOf(V, 'referral.pending').deadlines[0]).toMatchObject({
      kind: 'referral_answer',
      due: { workingDays: 5 },
    });
    expect(stateMetaOf(V, 'closed.followUp').deadlines.map((d) => d.due)).toEqual([
      { calendarDays: 30 },
      { calendarDays: 90 },
    ]);
    expect(stateMetaOf(V, 'closed.archived').deadlines).toEqual([]);
    expect(stateMetaOf(V, 'referral.inService').label.vi).toBe('Chuyển gửi – đang hỗ trợ');
  });
});

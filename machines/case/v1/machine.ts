import { setup } from 'xstate';
import { stageActions, stageGuards } from '../machine-kit';
import type { CaseContext, CaseInput, MachineEvent } from '../types';
import { META_V1 as M } from './meta';
import { checkEvent } from './rules';

// case@1: the stages of Circular 18/2025 as DESIGN.md draws them. Pure: no timers, no actors, only assign.
// Published: change it only by adding case@2 beside it; cases started here keep running here.

const ok = 'permitted' as const;

// Self-transitions every open state takes; targetless, so the state is not re-entered.
const whileOpen = {
  ASSIGN: { guard: ok, actions: 'setAssignee' },
  REASSIGN: { guard: ok, actions: 'setAssignee' },
  UPDATE_RISK: { guard: ok, actions: 'setRisk' },
  ADD_NOTE: { guard: ok },
} as const;

export const caseMachineV1 = setup({
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- XState infers its generics from it
  types: {} as { context: CaseContext; events: MachineEvent; input: CaseInput },
  guards: stageGuards(checkEvent),
  actions: stageActions,
}).createMachine({
  id: 'case',
  version: '1',
  initial: 'intake',
  context: ({ input }) => ({
    assigneeId: input.assigneeId,
    riskLevel: input.riskLevel,
    openedBy: input.openedBy,
    submittedBy: null,
    learnerKnown: input.learnerKnown,
  }),
  states: {
    intake: {
      meta: M.intake,
      on: {
        ...whileOpen,
        START_ASSESSMENT: { target: 'assessment', guard: ok },
        CLOSE_AT_INTAKE: { target: 'closed', guard: ok },
      },
    },
    assessment: {
      meta: M.assessment,
      on: {
        ...whileOpen,
        COMPLETE_ASSESSMENT: { target: 'planning', guard: ok, actions: 'setRisk' },
        REFER: { target: 'referral', guard: ok },
        CLOSE: { target: 'closed', guard: ok },
      },
    },
    planning: {
      meta: M.planning,
      on: {
        ...whileOpen,
        SUBMIT_PLAN: [
          { target: 'planReview', guard: 'permittedHighRisk', actions: 'markSubmitted' },
          { target: 'monitoring', guard: 'permittedLowRisk' },
        ],
      },
    },
    planReview: {
      meta: M.planReview,
      on: {
        ...whileOpen,
        APPROVE_PLAN: { target: 'monitoring', guard: ok, actions: 'clearSubmitted' },
        RETURN_PLAN: { target: 'planning', guard: ok, actions: 'clearSubmitted' },
      },
    },
    monitoring: {
      meta: M.monitoring,
      on: {
        ...whileOpen,
        REVISE_PLAN: { target: 'planning', guard: ok },
        REFER: { target: 'referral', guard: ok },
        PROPOSE_CLOSURE: [
          { target: 'closureReview', guard: 'permittedHighRisk', actions: 'markSubmitted' },
          { target: 'closed', guard: 'permittedLowRisk' },
        ],
      },
    },
    closureReview: {
      meta: M.closureReview,
      on: {
        ...whileOpen,
        APPROVE_CLOSURE: { target: 'closed', guard: ok, actions: 'clearSubmitted' },
        REJECT_CLOSURE: { target: 'monitoring', guard: ok, actions: 'clearSubmitted' },
      },
    },
    referral: {
      meta: M.referral,
      initial: 'pending',
      on: { ...whileOpen },
      states: {
        pending: {
          meta: M.referralPending,
          on: {
            REFERRAL_ACCEPTED: { target: 'inService', guard: ok },
            REFERRAL_DECLINED: { target: '#case.assessment', guard: ok },
          },
        },
        inService: {
          meta: M.referralInService,
          on: { REFERRAL_COMPLETED: { target: '#case.monitoring', guard: ok } },
        },
      },
    },
    closed: {
      meta: M.closed,
      initial: 'followUp',
      on: { REOPEN: { target: 'assessment', guard: ok } },
      states: {
        followUp: { meta: M.closedFollowUp, on: { FOLLOW_UP_DONE: { target: 'archived', guard: ok } } },
        archived: { meta: M.closedArchived },
      },
    },
  },
});

import { and, assertEvent, assign, not, setup, stateIn } from 'xstate';
import { closureActions, closureGuards, stageActions, stageGuards } from '../machine-kit';
import type { CaseContext, CaseInput, MachineEvent, ReferralOrigin } from '../types';
import { caseMachineV1 } from '../v1/machine';
import { META_V2_PROTECTION as P } from './meta';
import { checkEvent, isAuthority } from './rules';

// case@2: case@1's stages, referral also from planning and intake, every closure of a risky case through the
// supervisor's review (below), with the child-protection concern as a region beside them.

// case@1's states, re-aimed at their new home: '#case.x' targets become '#case.stage.x'.
const retarget = (node: unknown): unknown => {
  if (typeof node === 'string') return node.startsWith('#case.') ? `#case.stage.${node.slice('#case.'.length)}` : node;
  if (Array.isArray(node)) return node.map(retarget);
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'meta' ? v : retarget(v)]));
  return node;
};
const V1_STAGES = retarget(caseMachineV1.config.states) as Record<string, StageNode>;

type StageNode = { on?: Record<string, unknown>; states?: Record<string, StageNode> };
const withOn = (node: StageNode, on: Record<string, unknown>): StageNode => ({ ...node, on: { ...node.on, ...on } });
const referFrom = (from: ReferralOrigin, guard = 'permitted') => ({
  target: 'referral',
  guard,
  actions: { type: 'referFrom', params: { from } },
});

// Every closing event of a high or critical case, or of one with a protection concern, waits for a supervisor's
// review, from assessment as from monitoring (CLOSE_AT_INTAKE is the supervisor's own, by its rule).
const toReview = (actions: 'proposeFromAssessment' | 'markSubmitted') => [
  { target: 'closureReview', guard: 'permittedNeedingApproval', actions },
  { target: 'closed', guard: 'permittedWithoutApproval' },
];

// Referral as practice has it: also from planning, and from intake for a protection report. The answer
// returns the case to where it left from: planning comes back to planning (a high-risk plan still needs its
// approval), an intake referral goes on to assessment; the others as in case@1.
const { referral } = V1_STAGES;
const STAGES = {
  ...V1_STAGES,
  intake: withOn(V1_STAGES.intake, { REFER: referFrom('intake', 'permittedWithConcern') }),
  assessment: withOn(V1_STAGES.assessment, {
    REFER: referFrom('assessment'),
    CLOSE: toReview('proposeFromAssessment'),
  }),
  planning: withOn(V1_STAGES.planning, { REFER: referFrom('planning') }),
  monitoring: withOn(V1_STAGES.monitoring, {
    REFER: referFrom('monitoring'),
    PROPOSE_CLOSURE: toReview('markSubmitted'),
  }),
  referral: {
    ...referral,
    states: {
      pending: withOn(referral.states!.pending, {
        REFERRAL_DECLINED: [
          { target: '#case.stage.planning', guard: 'permittedFromPlanning' },
          { target: '#case.stage.assessment', guard: 'permitted' },
        ],
      }),
      inService: withOn(referral.states!.inService, {
        REFERRAL_COMPLETED: [
          { target: '#case.stage.planning', guard: 'permittedFromPlanning' },
          { target: '#case.stage.assessment', guard: 'permittedFromIntake' },
          { target: '#case.stage.monitoring', guard: 'permitted' },
        ],
      }),
    },
  },
  closureReview: withOn(V1_STAGES.closureReview, {
    APPROVE_CLOSURE: { target: 'closed', guard: 'permitted', actions: 'endReview' },
    REJECT_CLOSURE: [
      { target: 'assessment', guard: 'permittedBackToAssessment', actions: 'endReview' },
      { target: 'monitoring', guard: 'permitted', actions: 'endReview' },
    ],
  }),
} as unknown as typeof caseMachineV1.config.states;

const whileStageOpen = and(['permitted', not(stateIn({ stage: 'closed' }))]);
const toAuthority = and([whileStageOpen, 'toAuthority']);

export const caseMachineV2 = setup({
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- XState infers its generics from it
  types: {} as { context: CaseContext; events: MachineEvent; input: CaseInput },
  guards: {
    ...stageGuards(checkEvent),
    ...closureGuards(checkEvent),
    toAuthority: ({ event }) => event.type === 'RECORD_PROTECTION_NOTIFICATION' && isAuthority(event.payload.recipient),
    permittedWithConcern: ({ context, event }) =>
      checkEvent(context, event) === null && context.protection !== undefined,
    permittedFromPlanning: ({ context, event }) =>
      checkEvent(context, event) === null && context.referredFrom === 'planning',
    permittedFromIntake: ({ context, event }) =>
      checkEvent(context, event) === null && context.referredFrom === 'intake',
  },
  actions: {
    ...stageActions,
    ...closureActions,
    referFrom: assign((_, params: { from: ReferralOrigin }) => ({ referredFrom: params.from })),
    // Harm by the carer is critical whatever was thought before (DOMAIN.md, Decree 56 Art. 31).
    raiseConcern: assign(({ context, event }) => {
      assertEvent(event, 'RAISE_PROTECTION_CONCERN');
      const { kind, carerSuspected, receivedAt } = event.payload;
      return {
        protection: {
          status: 'open' as const,
          kind,
          carerSuspected,
          ...(receivedAt !== undefined ? { receivedAt } : {}),
          notifications: [],
        },
        riskLevel: carerSuspected ? ('critical' as const) : context.riskLevel,
      };
    }),
    recordNotification: assign(({ context, event }) => {
      assertEvent(event, 'RECORD_PROTECTION_NOTIFICATION');
      const { recipient, notifiedAt, notifiedBy } = event.payload;
      return {
        protection: {
          ...(context.protection as NonNullable<CaseContext['protection']>),
          status: isAuthority(recipient) ? ('notified' as const) : (context.protection?.status ?? 'open'),
          notifications: [...(context.protection?.notifications ?? []), { recipient, notifiedAt, notifiedBy }],
        },
      };
    }),
  },
}).createMachine({
  id: 'case',
  version: '2',
  type: 'parallel',
  context: ({ input }) => ({
    assigneeId: input.assigneeId,
    riskLevel: input.riskLevel,
    openedBy: input.openedBy,
    submittedBy: null,
    learnerKnown: input.learnerKnown,
  }),
  states: {
    stage: { meta: P.stage, initial: 'intake', states: STAGES },
    protection: {
      meta: P.protection,
      initial: 'none',
      states: {
        none: {
          meta: P.none,
          on: { RAISE_PROTECTION_CONCERN: { target: 'open', guard: whileStageOpen, actions: 'raiseConcern' } },
        },
        // The family told: recorded, and the concern stays open with its clock running.
        open: {
          meta: P.open,
          on: {
            RECORD_PROTECTION_NOTIFICATION: [
              { target: 'notified', guard: toAuthority, actions: 'recordNotification' },
              { guard: whileStageOpen, actions: 'recordNotification' },
            ],
          },
        },
        notified: {
          meta: P.notified,
          on: {
            RAISE_PROTECTION_CONCERN: { target: 'open', guard: whileStageOpen, actions: 'raiseConcern' },
            RECORD_PROTECTION_NOTIFICATION: { guard: whileStageOpen, actions: 'recordNotification' },
          },
        },
      },
    },
  },
});

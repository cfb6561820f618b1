import { and, assign, not, setup, stateIn } from 'xstate';
import { closureActions, closureGuards, stageActions, stageGuards } from '../machine-kit';
import type { CaseContext, CaseEvent, CaseInput, ProtectionKind, ProtectionRecipient } from '../types';
import { caseMachineV1 } from '../v1/machine';
import { META_V2_PROTECTION as P } from './meta';
import { checkEvent } from './rules';

// case@2: case@1's stages, with the child-protection concern as a region beside them and every closure of a
// risky case through the supervisor's review.


// case@1's states, re-aimed at their new home: '#case.x' targets become '#case.stage.x'.
const retarget = (node: unknown): unknown => {
  if (typeof node === 'string') return node.startsWith('#case.') ? `#case.stage.${node.slice('#case.'.length)}` : node;
  if (Array.isArray(node)) return node.map(retarget);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'meta' ? v : retarget(v)]));
  return node;
};
const V1_STAGES = retarget(caseMachineV1.config.states) as NonNullable<typeof caseMachineV1.config.states>;

// Issue 13: every closing event of a high or critical case, or of one with a protection concern, waits for a
// supervisor's review, from assessment as from monitoring (CLOSE_AT_INTAKE is the supervisor's own, by its rule).
const toReview = (actions: 'proposeFromAssessment' | 'markSubmitted') => [
  { target: 'closureReview', guard: 'permittedNeedingApproval', actions },
  { target: 'closed', guard: 'permittedWithoutApproval' },
];
const STAGES = {
  ...V1_STAGES,
  assessment: { ...V1_STAGES.assessment, on: { ...V1_STAGES.assessment.on, CLOSE: toReview('proposeFromAssessment') } },
  monitoring: { ...V1_STAGES.monitoring, on: { ...V1_STAGES.monitoring.on, PROPOSE_CLOSURE: toReview('markSubmitted') } },
  closureReview: {
    ...V1_STAGES.closureReview,
    on: {
      ...V1_STAGES.closureReview.on,
      APPROVE_CLOSURE: { target: 'closed', guard: 'permitted', actions: 'endReview' },
      REJECT_CLOSURE: [
        { target: 'assessment', guard: 'permittedBackToAssessment', actions: 'endReview' },
        { target: 'monitoring', guard: 'permitted', actions: 'endReview' },
      ],
    },
  },
} as typeof V1_STAGES;

const whileStageOpen = and(['permitted', not(stateIn({ stage: 'closed' }))]);

export const caseMachineV2 = setup({
  types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
  guards: { ...stageGuards(checkEvent), ...closureGuards(checkEvent) },
  actions: {
    ...stageActions,
    ...closureActions,
    raiseConcern: assign({
      protection: ({ event }) => ({
        status: 'open' as const,
        kind: event.payload.kind as ProtectionKind,
        carerSuspected: event.payload.carerSuspected === true,
        notifications: [],
      }),
    }),
    recordNotification: assign({
      protection: ({ context, event }) => ({
        ...(context.protection as NonNullable<CaseContext['protection']>),
        status: 'notified' as const,
        notifications: [
          ...(context.protection?.notifications ?? []),
          { recipient: event.payload.recipient as ProtectionRecipient, notifiedAt: String(event.payload.notifiedAt), notifiedBy: String(event.payload.notifiedBy) },
        ],
      }),
    }),
  },
}).createMachine({
  id: 'case',
  version: '2',
  type: 'parallel',
  context: ({ input }) => ({ assigneeId: input.assigneeId, riskLevel: input.riskLevel, openedBy: input.openedBy, submittedBy: null }),
  states: {
    stage: { meta: P.stage, initial: 'intake', states: STAGES },
    protection: {
      meta: P.protection,
      initial: 'none',
      states: {
        none: { meta: P.none, on: { RAISE_PROTECTION_CONCERN: { target: 'open', guard: whileStageOpen, actions: 'raiseConcern' } } },
        open: { meta: P.open, on: { RECORD_PROTECTION_NOTIFICATION: { target: 'notified', guard: whileStageOpen, actions: 'recordNotification' } } },
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

import { assign } from 'xstate';
import { closureNeedsApproval, isHighRisk } from './rules-kit';
import type { CaseContext, CaseEvent, Refusal, RiskLevel } from './types';

type GuardArgs = { context: CaseContext; event: CaseEvent };

// The guards every version's stages use, over that version's rules.
export const stageGuards = (checkEvent: (context: CaseContext, event: CaseEvent) => Refusal | null) => ({
  permitted: ({ context, event }: GuardArgs) => checkEvent(context, event) === null,
  permittedHighRisk: ({ context, event }: GuardArgs) => checkEvent(context, event) === null && isHighRisk(context.riskLevel),
  permittedLowRisk: ({ context, event }: GuardArgs) => checkEvent(context, event) === null && !isHighRisk(context.riskLevel),
});

// case@2's closing paths: a risky case's closure waits for review; a rejection returns where it was proposed.
export const closureGuards = (checkEvent: (context: CaseContext, event: CaseEvent) => Refusal | null) => ({
  permittedNeedingApproval: ({ context, event }: GuardArgs) => checkEvent(context, event) === null && closureNeedsApproval(context),
  permittedWithoutApproval: ({ context, event }: GuardArgs) => checkEvent(context, event) === null && !closureNeedsApproval(context),
  permittedBackToAssessment: ({ context, event }: GuardArgs) => checkEvent(context, event) === null && context.closureFrom === 'assessment',
});

export const closureActions = {
  proposeFromAssessment: assign<CaseContext, CaseEvent, undefined, CaseEvent, never>({ submittedBy: ({ event }) => event.actor.id, closureFrom: 'assessment' }),
  endReview: assign<CaseContext, CaseEvent, undefined, CaseEvent, never>({ submittedBy: null, closureFrom: null }),
};

// The context updates of the stages: the only side effects a case machine has.
export const stageActions = {
  setAssignee: assign<CaseContext, CaseEvent, undefined, CaseEvent, never>({ assigneeId: ({ event }) => String(event.payload.assigneeId) }),
  setRisk: assign<CaseContext, CaseEvent, undefined, CaseEvent, never>({ riskLevel: ({ event }) => event.payload.riskLevel as RiskLevel }),
  markSubmitted: assign<CaseContext, CaseEvent, undefined, CaseEvent, never>({ submittedBy: ({ event }) => event.actor.id }),
  clearSubmitted: assign<CaseContext, CaseEvent, undefined, CaseEvent, never>({ submittedBy: null }),
};

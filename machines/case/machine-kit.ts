import { assertEvent, assign } from 'xstate';
import { closureNeedsApproval, isHighRisk } from './rules-kit';
import type { CaseContext, MachineEvent, Refusal } from './types';

type GuardArgs = { context: CaseContext; event: MachineEvent };
type CheckEvent = (context: CaseContext, event: MachineEvent) => Refusal | null;

// The guards every version's stages use, over that version's rules.
export const stageGuards = (checkEvent: CheckEvent) => ({
  permitted: ({ context, event }: GuardArgs) => checkEvent(context, event) === null,
  permittedHighRisk: ({ context, event }: GuardArgs) =>
    checkEvent(context, event) === null && isHighRisk(context.riskLevel),
  permittedLowRisk: ({ context, event }: GuardArgs) =>
    checkEvent(context, event) === null && !isHighRisk(context.riskLevel),
});

// case@2's closing paths: a risky case's closure waits for review; a rejection returns where it was proposed.
export const closureGuards = (checkEvent: CheckEvent) => ({
  permittedNeedingApproval: ({ context, event }: GuardArgs) =>
    checkEvent(context, event) === null && closureNeedsApproval(context),
  permittedWithoutApproval: ({ context, event }: GuardArgs) =>
    checkEvent(context, event) === null && !closureNeedsApproval(context),
  permittedBackToAssessment: ({ context, event }: GuardArgs) =>
    checkEvent(context, event) === null && context.closureFrom === 'assessment',
});

export const closureActions = {
  proposeFromAssessment: assign<CaseContext, MachineEvent, undefined, MachineEvent, never>({
    submittedBy: ({ event }) => event.actor.id,
    closureFrom: 'assessment',
  }),
  endReview: assign<CaseContext, MachineEvent, undefined, MachineEvent, never>({
    submittedBy: null,
    closureFrom: null,
  }),
};

// The context updates of the stages: the only side effects a case machine has.
export const stageActions = {
  setAssignee: assign<CaseContext, MachineEvent, undefined, MachineEvent, never>(({ event }) => {
    assertEvent(event, ['ASSIGN', 'REASSIGN']);
    return { assigneeId: event.payload.assigneeId };
  }),
  setRisk: assign<CaseContext, MachineEvent, undefined, MachineEvent, never>(({ event }) => {
    assertEvent(event, ['COMPLETE_ASSESSMENT', 'UPDATE_RISK']);
    return { riskLevel: event.payload.riskLevel };
  }),
  markSubmitted: assign<CaseContext, MachineEvent, undefined, MachineEvent, never>({
    submittedBy: ({ event }) => event.actor.id,
  }),
  clearSubmitted: assign<CaseContext, MachineEvent, undefined, MachineEvent, never>({ submittedBy: null }),
};

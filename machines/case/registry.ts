import { caseMachineV1 } from './v1';
import { checkEvent as checkV1, mayAttempt as mayAttemptV1 } from './v1/rules';
import type { Actor, CaseContext, CaseEvent, CaseEventType, Refusal } from './types';

export type CaseRules = {
  checkEvent: (context: CaseContext, event: CaseEvent) => Refusal | null;
  mayAttempt: (context: CaseContext, type: CaseEventType, actor: Actor) => Refusal | null;
};

// Every published version stays here: a case keeps the version it started on.
export const caseMachines = {
  'case@1': { machine: caseMachineV1, rules: { checkEvent: checkV1, mayAttempt: mayAttemptV1 } as CaseRules },
} as const;

export type MachineVersion = keyof typeof caseMachines;
export const CURRENT_CASE_MACHINE: MachineVersion = 'case@1';
export const isMachineVersion = (v: string): v is MachineVersion => Object.prototype.hasOwnProperty.call(caseMachines, v);

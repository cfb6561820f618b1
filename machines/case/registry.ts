import type { CaseRules } from './rules-kit';
import { caseMachineV1 } from './v1';
import { checkEvent as checkV1, mayAttempt as mayAttemptV1 } from './v1/rules';
import { caseMachineV2 } from './v2';
import { checkEvent as checkV2, mayAttempt as mayAttemptV2 } from './v2/rules';

export type { CaseRules } from './rules-kit';

// Every published version stays here: a case keeps the version it started on until migrated explicitly.
export const caseMachines = {
  'case@1': { machine: caseMachineV1, rules: { checkEvent: checkV1, mayAttempt: mayAttemptV1 } satisfies CaseRules },
  'case@2': { machine: caseMachineV2, rules: { checkEvent: checkV2, mayAttempt: mayAttemptV2 } satisfies CaseRules },
} as const;

export type MachineVersion = keyof typeof caseMachines;
export const CURRENT_CASE_MACHINE: MachineVersion = 'case@2';
export const isMachineVersion = (v: string): v is MachineVersion =>
  Object.prototype.hasOwnProperty.call(caseMachines, v);

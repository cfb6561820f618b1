export { caseMachineV2 } from './machine';
export { checkEvent, mayAttempt, PROTECTION_KINDS, PROTECTION_RECIPIENTS } from './rules';

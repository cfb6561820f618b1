export { caseMachineV1 } from './machine';
export { checkEvent, mayAttempt, isHighRisk } from './rules';
export { META_V1 } from './meta';

export { caseMachineV2 } from './machine';
export {
  AUTHORITY_RECIPIENTS,
  CARER_SUSPECTED_RATIONALE,
  checkEvent,
  isAuthority,
  mayAttempt,
  PROTECTION_KINDS,
  PROTECTION_RECIPIENTS,
} from './rules';

// Landed migration 1795000000017 imports learnerNameKey by this path, and landed migrations are frozen
// (migrations/checksums.json): the function lives in libs/learners; this path stays for that migration only.
export { learnerNameKey } from '../../../learners/src/learner-name-key';

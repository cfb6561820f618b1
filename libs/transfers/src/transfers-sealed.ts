import type { SealedDeclaration } from '@dh/crypto';

export const TRANSFER_CONTEXT = { declineReason: 'case_transfer.decline_reason' };

// Why the receiving school declined is free text about a learner, sealed like a case's other free text: the row's
// reason under the shared key (a learner's record's request has no case), the case's CASE_TRANSFER_DECLINED
// event's under the case's own key, so its trail's copy is masked for the sending school after a later transfer and
// shredded with the case.
export const TRANSFERS_SEALED: SealedDeclaration = {
  tables: [{ table: 'case_transfer', key: 'id', columns: { decline_reason: TRANSFER_CONTEXT.declineReason } }],
  payloads: { CASE_TRANSFER_DECLINED: ['reason'] },
};

import { SealedDeclaration } from '@dh/crypto';
import { attachmentContext } from './attachments.service';

// The attachments' sealed columns (migration 1795000000047) and event fields, declared to the key rotation and the
// trail. The chunks are not columns of this kind: they are sealed under the case's key, which a rotation rewraps.
export const ATTACHMENTS_SEALED: SealedDeclaration = {
  tables: [
    {
      table: 'case_attachment',
      key: 'id',
      caseColumn: 'case_id',
      columns: {
        caption: attachmentContext('caption'),
        file_name: attachmentContext('file_name'),
        withdraw_reason: attachmentContext('withdraw_reason'),
      },
    },
  ],
  payloads: { ATTACHMENT_ADDED: ['caption', 'fileName'], ATTACHMENT_WITHDRAWN: ['reason'] },
};

import type { SealedDeclaration } from '@dh/crypto';

export const DATA_REQUEST_CONTEXT = { requestedBy: 'data_request.requested_by', details: 'data_request.details' };

// The requester's name and the request's details, sealed under the shared key; a rectification's values in the
// case's trail, under the case's key.
export const DATA_REQUESTS_SEALED: SealedDeclaration = {
  tables: [
    {
      table: 'data_request',
      key: 'id',
      columns: { requested_by: DATA_REQUEST_CONTEXT.requestedBy, details: DATA_REQUEST_CONTEXT.details },
    },
  ],
  payloads: { RECTIFIED: ['previous', 'value'] },
};

// How a send failed: `permanent` stops the row at once (the address does not exist, the gateway refuses the
// request); otherwise it is tried again later, not before `retryAfterMs` when the receiver asked for a pause.
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

// What is confidential in the trail (Decree 56 Art. 33) is declared by the module that writes each event
// (SealedRegistry): sealed when the event is appended, so the chain's hash covers the sealed form and re-keying
// never rewrites an event; opened only for a reader the access rules allow, and that read is itself an event.
export const payloadContext = (type: string, field: string): string => `audit_event:${type}.${field}`;

// The payload with the named values blanked, and those names.
export type Masked = { payload: Record<string, unknown>; masked: string[] };

export const maskFields = (payload: Record<string, unknown>, fields: string[]): Masked => {
  if (fields.length === 0) return { payload, masked: [] };
  return { payload: { ...payload, ...Object.fromEntries(fields.map((f) => [f, null])) }, masked: fields };
};

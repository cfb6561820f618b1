// No form of the API nests deeper than a few levels or holds more than a few hundred keys; a body beyond
// these is refused before JSON.parse builds it (json-body.ts), so no recursive step after it (the validation
// pipe, class-transformer) can overflow the stack or spend seconds on a hostile body.
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_KEYS = 10_000;

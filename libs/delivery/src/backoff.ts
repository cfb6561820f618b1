const MINUTE = 60_000;
export const MAX_BACKOFF_MS = 60 * MINUTE;
// Retries stop this long after the first try (or the admin's retry): a mail server down for a day loses nothing.
export const RETRY_WINDOW_MS = 24 * 60 * MINUTE;

// 1 min, 2, 4 … capped at 1 h, each stretched by up to a fifth at random so that instances that failed together
// do not all come back in the same second. `attempt` counts from 1.
export const backoffMs = (attempt: number, random: number): number =>
  Math.min(MAX_BACKOFF_MS, Math.round(MINUTE * 2 ** Math.min(attempt - 1, 20) * (1 + 0.2 * random)));

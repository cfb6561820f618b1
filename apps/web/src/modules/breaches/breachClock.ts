import type { components } from '../api/openapiTypes';

type Breach = components['schemas']['BreachViewDto'];

const HOUR_MS = 3_600_000;

// Where a breach's 72 calendar hours stand: still running, past, or no longer counted because the authority was told
// (in time or late) or the breach closed without it (a suspicion that proved unfounded).
export type ClockState =
  | { kind: 'running'; hours: number; minutes: number; soon: boolean }
  | { kind: 'overdue'; hours: number }
  | { kind: 'inTime' }
  | { kind: 'late' }
  | { kind: 'stopped' };

// The server says whether the deadline passed (its clock decides what the sweep does); the browser's clock only
// counts what is left to show, and never calls a breach the server still counts as running overdue by less than
// an hour.
export const clockOf = (breach: Breach, now: number): ClockState => {
  if (breach.authorityNotification) return { kind: breach.authorityNotification.late ? 'late' : 'inTime' };
  if (breach.status === 'closed') return { kind: 'stopped' };
  const left = Date.parse(breach.dueAt) - now;
  if (breach.overdue || left <= 0) return { kind: 'overdue', hours: Math.max(0, Math.floor(-left / HOUR_MS)) };
  return {
    kind: 'running',
    hours: Math.floor(left / HOUR_MS),
    minutes: Math.floor((left % HOUR_MS) / 60_000),
    soon: left < 24 * HOUR_MS,
  };
};

// After the 72 hours the law asks why the authority was told late.
export const isLate = (breach: Breach, notifiedAt: number): boolean => notifiedAt > Date.parse(breach.dueAt);

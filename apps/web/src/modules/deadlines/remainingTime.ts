import type { components } from '../api/openapiTypes';

type Deadline = components['schemas']['DeadlineViewDto'];

// The default working hours (07:30–11:30, 13:30–17:00) make a working day of seven and a half hours.
export const WORKING_DAY_MS = 7.5 * 3_600_000;

export type Urgency = 'overdue' | 'soon' | 'later';

// Red once due, amber with less than a working day left; a paused clock is not running out. The server counts
// what is left on its own clock and calendar, so a browser whose clock is off still shows what the sweep will do.
export const urgencyOf = (deadline: Pick<Deadline, 'paused' | 'remainingWorkingMs'>): Urgency => {
  if (deadline.paused) return 'later';
  const left = deadline.remainingWorkingMs ?? Infinity;
  if (left <= 0) return 'overdue';
  return left < WORKING_DAY_MS ? 'soon' : 'later';
};

// Working time in the words a person counts it: whole working days and hours, or hours and minutes under a day.
export const workingTimeParts = (ms: number): { days: number; hours: number; minutes: number } => {
  const days = Math.floor(ms / WORKING_DAY_MS);
  const rest = ms - days * WORKING_DAY_MS;
  return { days, hours: Math.floor(rest / 3_600_000), minutes: Math.floor((rest % 3_600_000) / 60_000) };
};

// The open clock that falls due first, the one a list shows.
export const nearestOf = (deadlines: Deadline[]): Deadline | undefined =>
  [...deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];

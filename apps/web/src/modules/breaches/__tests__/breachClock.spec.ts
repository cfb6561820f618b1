import type { components } from '../../api/openapiTypes';
import { clockOf, isLate } from '../breachClock';

type Breach = components['schemas']['BreachViewDto'];

const detected = Date.parse('2026-03-02T09:00:00+07:00');
const HOUR = 3_600_000;
const breach = (over: Partial<Breach> = {}): Breach =>
  ({
    id: '6f1c2b4e-0000-4000-8000-0000000000c1',
    detectedAt: new Date(detected).toISOString(),
    dueAt: new Date(detected + 72 * HOUR).toISOString(),
    status: 'open',
    overdue: false,
    authorityNotification: null,
    closure: null,
    ...over,
  }) as Breach;

describe('the 72-hour clock of a breach', () => {
  it('counts the hours left, amber in the last day', () => {
    expect(clockOf(breach(), detected + 20 * HOUR)).toEqual({ kind: 'running', hours: 52, minutes: 0, soon: false });
    expect(clockOf(breach(), detected + 71.5 * HOUR)).toEqual({ kind: 'running', hours: 0, minutes: 30, soon: true });
  });

  it('is overdue once the server says so, even when the browser’s clock is behind', () => {
    expect(clockOf(breach({ overdue: true }), detected + 70 * HOUR)).toEqual({ kind: 'overdue', hours: 0 });
    expect(clockOf(breach({ overdue: true }), detected + 75.2 * HOUR)).toEqual({ kind: 'overdue', hours: 3 });
  });

  it('stops when the authority was told, saying whether in time, or when a suspicion closed unfounded', () => {
    const told = (late: boolean) =>
      breach({
        status: 'authority_notified',
        authorityNotification: { notifiedAt: '', reference: null, late, lateReason: null, recordedBy: '' },
      });
    expect(clockOf(told(false), detected + 100 * HOUR)).toEqual({ kind: 'inTime' });
    expect(clockOf(told(true), detected + 100 * HOUR)).toEqual({ kind: 'late' });
    expect(clockOf(breach({ status: 'closed' }), detected + 100 * HOUR)).toEqual({ kind: 'stopped' });
  });

  it('asks for a late reason only after the 72 hours', () => {
    expect(isLate(breach(), detected + 72 * HOUR)).toBe(false);
    expect(isLate(breach(), detected + 72 * HOUR + 60_000)).toBe(true);
  });
});

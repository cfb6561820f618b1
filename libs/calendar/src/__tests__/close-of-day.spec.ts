import { loadOverrides } from '../calendar-overrides';
import { WorkingCalendar } from '../working-calendar';

const at = (iso: string) => new Date(iso);

// Issue 13, point 16: a working-days deadline ends at the close (17:00) of the working day in which its
// working time runs out, whatever the start; working-hours deadlines keep their time of day.
describe('WorkingCalendar deadlines end at a close, not at the next opening', () => {
  const sut = new WorkingCalendar({ overrides: loadOverrides() });

  it('ends 5 working days begun at 07:30 Monday at 17:00 Friday, not 07:30 the next Monday', () => {
    expect(sut.addWorkingDays(at('2026-03-09T07:30:00+07:00'), 5)).toEqual(at('2026-03-13T17:00:00+07:00'));
  });

  it('counts a start on Saturday from Monday morning: + 5 is 17:00 Friday', () => {
    expect(sut.addWorkingDays(at('2026-03-07T10:00:00+07:00'), 5)).toEqual(at('2026-03-13T17:00:00+07:00'));
  });

  it('counts a start at 18:00 from the next working morning: Mon 18:00 + 5 is 17:00 the next Monday', () => {
    expect(sut.addWorkingDays(at('2026-03-09T18:00:00+07:00'), 5)).toEqual(at('2026-03-16T17:00:00+07:00'));
  });

  it('counts a start before hours from that morning: Mon 06:00 + 1 is 17:00 that Monday', () => {
    expect(sut.addWorkingDays(at('2026-03-09T06:00:00+07:00'), 1)).toEqual(at('2026-03-09T17:00:00+07:00'));
  });

  it('ends at the close before a holiday: Wed 29/4/2026 07:30 + 1 is 17:00 that Wednesday', () => {
    expect(sut.addWorkingDays(at('2026-04-29T07:30:00+07:00'), 1)).toEqual(at('2026-04-29T17:00:00+07:00'));
  });

  it('ends a mid-morning start at the close of the day the time runs out: Mon 10:00 + 5 is 17:00 the next Monday', () => {
    expect(sut.addWorkingDays(at('2026-03-09T10:00:00+07:00'), 5)).toEqual(at('2026-03-16T17:00:00+07:00'));
  });

  it('ends a mid-afternoon start at a close too: Mon 15:00 + 1 is 17:00 Tuesday, Mon 13:30 + 1 is 17:00 Tuesday', () => {
    expect(sut.addWorkingDays(at('2026-03-09T15:00:00+07:00'), 1)).toEqual(at('2026-03-10T17:00:00+07:00'));
    expect(sut.addWorkingDays(at('2026-03-09T13:30:00+07:00'), 1)).toEqual(at('2026-03-10T17:00:00+07:00'));
  });

  it('skips the holiday for a mid-morning start: Wed 29/4/2026 10:00 + 1 is 17:00 Monday 4/5', () => {
    expect(sut.addWorkingDays(at('2026-04-29T10:00:00+07:00'), 1)).toEqual(at('2026-05-04T17:00:00+07:00'));
  });

  it('counts a start at 17:00 exactly as after hours: Mon 17:00 + 5 is 17:00 the next Monday', () => {
    expect(sut.addWorkingDays(at('2026-03-09T17:00:00+07:00'), 5)).toEqual(at('2026-03-16T17:00:00+07:00'));
  });

  it('ends working-hours deadlines at a close too: Sat + 7.5 h is 17:00 Monday, 07:30 + 4 h is 11:30', () => {
    expect(sut.addWorkingHours(at('2026-03-07T10:00:00+07:00'), 7.5)).toEqual(at('2026-03-09T17:00:00+07:00'));
    expect(sut.addWorkingHours(at('2026-03-09T07:30:00+07:00'), 4)).toEqual(at('2026-03-09T11:30:00+07:00'));
    expect(sut.addWorkingHours(at('2026-03-09T18:00:00+07:00'), 15)).toEqual(at('2026-03-11T17:00:00+07:00'));
  });
});

import fc from 'fast-check';
import { loadOverrides } from '../calendar-overrides';
import { WorkingCalendar } from '../working-calendar';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('WorkingCalendar arithmetic (Asia/Ho_Chi_Minh, 07:30–11:30 and 13:30–17:00, config/holidays)', () => {
  const sut = new WorkingCalendar({ overrides: loadOverrides() });

  describe('addWorkingDays', () => {
    it('steps over a weekend: Fri 10:00 + 1 is Mon 17:00', () => {
      expect(sut.addWorkingDays(at('2026-03-06T10:00:00+07:00'), 1)).toEqual(at('2026-03-09T17:00:00+07:00'));
    });

    it('steps over 30/4 and 1/5/2026: Wed 29/4 09:00 + 1 is Mon 4/5 17:00', () => {
      expect(sut.addWorkingDays(at('2026-04-29T09:00:00+07:00'), 1)).toEqual(at('2026-05-04T17:00:00+07:00'));
    });

    it('steps over Tết 2026 as the override file fixes it: Fri 13/2 + 1 is Mon 23/2', () => {
      expect(sut.addWorkingDays(at('2026-02-13T10:00:00+07:00'), 1)).toEqual(at('2026-02-23T17:00:00+07:00'));
    });

    it('lands on a Saturday worked: Fri 9/1/2026 + 1 is Sat 10/1/2026', () => {
      expect(sut.addWorkingDays(at('2026-01-09T10:00:00+07:00'), 1)).toEqual(at('2026-01-10T17:00:00+07:00'));
    });

    it('skips Ngày Văn hóa Việt Nam: Mon 23/11/2026 + 1 is Wed 25/11', () => {
      expect(sut.addWorkingDays(at('2026-11-23T10:00:00+07:00'), 1)).toEqual(at('2026-11-25T17:00:00+07:00'));
    });

    it('gives Sat 1/5/2027 its make-up day (Art. 111(3)): Mon 3/5 is off, Thu 29/4 + 1 is Tue 4/5', () => {
      expect(sut.dayOff('2027-05-03')).toMatchObject({
        kind: 'make_up',
        name: 'Nghỉ bù Ngày Quốc tế Lao động (Thứ Bảy 01/05)',
      });
      expect(sut.addWorkingDays(at('2027-04-29T10:00:00+07:00'), 1)).toEqual(at('2027-05-04T17:00:00+07:00'));
    });

    it('reads n = 0 as "the same day": the end of the working day', () => {
      expect(sut.addWorkingDays(at('2026-03-04T10:00:00+07:00'), 0)).toEqual(at('2026-03-04T17:00:00+07:00'));
    });

    it('reads n = 0 on a day off as the end of the next working day', () => {
      expect(sut.addWorkingDays(at('2026-03-07T10:00:00+07:00'), 0)).toEqual(at('2026-03-09T17:00:00+07:00'));
    });

    it('reads n = 0 after hours as the end of the next working day', () => {
      expect(sut.addWorkingDays(at('2026-03-04T19:00:00+07:00'), 0)).toEqual(at('2026-03-05T17:00:00+07:00'));
    });

    it('starts a clock begun on a day off at the next working morning, ending at that day’s close', () => {
      expect(sut.addWorkingDays(at('2026-03-07T10:00:00+07:00'), 1)).toEqual(at('2026-03-09T17:00:00+07:00'));
    });

    it('starts a clock begun after hours at the next working morning, ending at that day’s close', () => {
      expect(sut.addWorkingDays(at('2026-03-04T19:00:00+07:00'), 1)).toEqual(at('2026-03-05T17:00:00+07:00'));
    });

    it('starts a clock begun before hours at that morning, ending at that day’s close', () => {
      expect(sut.addWorkingDays(at('2026-03-04T06:00:00+07:00'), 1)).toEqual(at('2026-03-04T17:00:00+07:00'));
    });

    it('counts a few hundred working days across years and notices', () => {
      // Mon 2/3/2026 + 250: 212 working days left in 2026 (Sat 22/8 included), then the 38th of 2027, past Tết.
      expect(sut.addWorkingDays(at('2026-03-02T09:00:00+07:00'), 250)).toEqual(at('2027-03-03T17:00:00+07:00'));
    });

    it('refuses a negative or fractional number of days', () => {
      expect(() => sut.addWorkingDays(at('2026-03-04T10:00:00+07:00'), -1)).toThrow(RangeError);
      expect(() => sut.addWorkingDays(at('2026-03-04T10:00:00+07:00'), 1.5)).toThrow(RangeError);
    });
  });

  describe('addWorkingHours', () => {
    it('steps over lunch: 11:00 + 1 h is 14:00', () => {
      expect(sut.addWorkingHours(at('2026-03-04T11:00:00+07:00'), 1)).toEqual(at('2026-03-04T14:00:00+07:00'));
    });

    it('steps over a night: Wed 16:00 + 2 h is Thu 08:30', () => {
      expect(sut.addWorkingHours(at('2026-03-04T16:00:00+07:00'), 2)).toEqual(at('2026-03-05T08:30:00+07:00'));
    });

    it('steps over a weekend: Fri 16:00 + 2 h is Mon 08:30', () => {
      expect(sut.addWorkingHours(at('2026-03-06T16:00:00+07:00'), 2)).toEqual(at('2026-03-09T08:30:00+07:00'));
    });

    it('counts 12 working hours from Friday afternoon into Tuesday', () => {
      // Fri 15:00–17:00 (2 h), Mon 07:30–11:30 (4 h) and 13:30–17:00 (3.5 h), Tue 07:30–10:00 (2.5 h).
      expect(sut.addWorkingHours(at('2026-03-06T15:00:00+07:00'), 12)).toEqual(at('2026-03-10T10:00:00+07:00'));
    });

    it('steps over Tết 2026: Fri 13/2 16:00 + 2 h is Mon 23/2 08:30', () => {
      expect(sut.addWorkingHours(at('2026-02-13T16:00:00+07:00'), 2)).toEqual(at('2026-02-23T08:30:00+07:00'));
    });

    it('ends at the close of a window, not at the next opening, when the time runs out there', () => {
      expect(sut.addWorkingHours(at('2026-03-04T16:00:00+07:00'), 1)).toEqual(at('2026-03-04T17:00:00+07:00'));
      expect(sut.addWorkingHours(at('2026-03-04T10:30:00+07:00'), 1)).toEqual(at('2026-03-04T11:30:00+07:00'));
    });

    it('starts a clock begun at night at the next opening', () => {
      expect(sut.addWorkingHours(at('2026-03-04T22:00:00+07:00'), 1)).toEqual(at('2026-03-05T08:30:00+07:00'));
    });
  });

  describe('workingMsBetween and workingDaysBetween', () => {
    it('measures only working time: 11:00 to 14:00 is one hour', () => {
      expect(sut.workingMsBetween(at('2026-03-04T11:00:00+07:00'), at('2026-03-04T14:00:00+07:00'))).toBe(HOUR);
    });

    it('measures Friday afternoon to Tuesday morning across a weekend', () => {
      expect(sut.workingMsBetween(at('2026-03-06T15:00:00+07:00'), at('2026-03-10T10:00:00+07:00'))).toBe(12 * HOUR);
    });

    it('is 0 when the end is not after the start', () => {
      expect(sut.workingMsBetween(at('2026-03-10T10:00:00+07:00'), at('2026-03-06T15:00:00+07:00'))).toBe(0);
    });

    it('is the inverse of addWorkingHours for any start and any amount', () => {
      fc.assert(
        fc.property(
          fc.date({ min: at('2025-12-01T00:00:00+07:00'), max: at('2027-12-31T00:00:00+07:00'), noInvalidDate: true }),
          fc.integer({ min: 1, max: 2000 * 60 }),
          (from, minutes) => sut.workingMsBetween(from, sut.addWorkingMs(from, minutes * 60_000)) === minutes * 60_000,
        ),
      );
    });

    it('counts working days late: due Monday, on Wednesday 2 days; due Wed 29/4/2026, on Mon 4/5 1 day', () => {
      expect(sut.workingDaysBetween(at('2026-03-09T09:00:00+07:00'), at('2026-03-11T09:00:00+07:00'))).toBe(2);
      expect(sut.workingDaysBetween(at('2026-04-29T09:00:00+07:00'), at('2026-05-04T09:00:00+07:00'))).toBe(1);
    });

    it('counts working days across a year end and the Tết of the next year', () => {
      // 31/12/2026 → 26/2/2027: January has 20 working days (1/1 off), February up to 26/2 has 15 (5, 8–11/2 off).
      expect(sut.workingDaysBetween(at('2026-12-31T09:00:00+07:00'), at('2027-02-26T09:00:00+07:00'))).toBe(35);
    });
  });

  it('keeps its own working hours', () => {
    const sut8to5 = new WorkingCalendar({
      overrides: [],
      hours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(sut8to5.addWorkingHours(at('2026-03-04T11:00:00+07:00'), 2)).toEqual(at('2026-03-04T14:00:00+07:00'));
    expect(() => new WorkingCalendar({ overrides: [], hours: [{ start: '13:00', end: '12:00' }] })).toThrow(RangeError);
  });
});

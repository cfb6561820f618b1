import { CalendarOverrides } from '../calendar-overrides';
import { WorkingCalendar } from '../working-calendar';

// A year's notice changed while the process runs (the admin's calendar): counted with before it is in force,
// then in force at once, the year's cached schedule dropped.
describe('WorkingCalendar: replacing one year’s notice', () => {
  const notice: CalendarOverrides = {
    year: 2027,
    daysOff: [{ date: '2027-03-03', name: 'Nghỉ', decision: 'Quyết định số 1/QĐ-TTg ngày 05/11/2026' }],
    workingDays: [],
  };

  it('withYear counts with the new notice and leaves the calendar in force alone', () => {
    const sut = new WorkingCalendar({ overrides: [] });
    expect(sut.isWorkingDay('2027-03-03')).toBe(true);
    const next = sut.withYear(2027, notice);
    expect(next.dayOff('2027-03-03')).toMatchObject({
      kind: 'override',
      decision: 'Quyết định số 1/QĐ-TTg ngày 05/11/2026',
    });
    expect(sut.isWorkingDay('2027-03-03')).toBe(true);
    expect(sut.overridesOf(2027)).toBeUndefined();
  });

  it('setYear puts it in force over a schedule already built, and takes it back', () => {
    const sut = new WorkingCalendar({ overrides: [] });
    expect(sut.isWorkingDay('2027-03-03')).toBe(true);
    sut.setYear(2027, notice);
    expect(sut.isWorkingDay('2027-03-03')).toBe(false);
    expect(sut.overridesOf(2027)).toBe(notice);
    sut.setYear(2027, undefined);
    expect(sut.isWorkingDay('2027-03-03')).toBe(true);
    expect(() => sut.setYear(2026, notice)).toThrow(RangeError);
  });
});

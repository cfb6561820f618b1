import { parseOverrides } from '../calendar-overrides';
import { WorkingCalendar } from '../working-calendar';

const decision = 'Quyết định thử nghiệm';

// Issue 13, point 17: Labour Code 2019 Art. 112(1)(đ) gives two days for National Day, 2/9 and one day
// beside it as the government sets each year; with no notice the calendar still holds two days.
describe('National Day (Quốc khánh) has two days off', () => {
  it('holds 1/9 and 2/9 in a year with no override file (2031)', () => {
    const sut = new WorkingCalendar({ overrides: [] });
    expect(
      sut.yearCalendar(2031).filter((d) => d.date.startsWith('2031-09') || d.date.startsWith('2031-08-3')),
    ).toEqual([
      expect.objectContaining({ date: '2031-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề trước 02/09)' }),
      expect.objectContaining({ date: '2031-09-02', kind: 'holiday', name: 'Quốc khánh' }),
    ]);
    expect(sut.isWorkingDay('2031-09-03')).toBe(true);
  });

  it('moves a default day that falls on a Sunday to the next working day (Art. 111(3)): 2030 off on Mon 2/9 and Tue 3/9', () => {
    const sut = new WorkingCalendar({ overrides: [] });
    expect(sut.isWorkingDay('2030-09-02')).toBe(false);
    expect(sut.dayOff('2030-09-03')).toMatchObject({ kind: 'make_up', name: 'Nghỉ bù Quốc khánh (Chủ nhật 01/09)' });
  });

  it('lets a year’s file choose the other day: 2/9 and 3/9, 1/9 worked', () => {
    const file = parseOverrides('2031.json', {
      year: 2031,
      daysOff: [{ date: '2031-09-03', name: 'Quốc khánh (ngày liền kề sau 02/09)', decision }],
    });
    const sut = new WorkingCalendar({ overrides: [file] });
    expect(sut.isWorkingDay('2031-09-01')).toBe(true);
    expect(sut.isWorkingDay('2031-09-02')).toBe(false);
    expect(sut.dayOff('2031-09-03')).toEqual({
      date: '2031-09-03',
      name: 'Quốc khánh (ngày liền kề sau 02/09)',
      kind: 'override',
      decision,
    });
  });
});

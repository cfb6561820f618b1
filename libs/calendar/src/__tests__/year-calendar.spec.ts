import { loadOverrides, parseOverrides } from '../calendar-overrides';
import { WorkingCalendar } from '../working-calendar';

const decision = 'Quyết định thử nghiệm';
const with2027 = (file: object) =>
  new WorkingCalendar({ overrides: [parseOverrides('2027.json', { year: 2027, ...file })] });

describe('WorkingCalendar.yearCalendar and dayOff', () => {
  const sut = new WorkingCalendar({ overrides: loadOverrides() });

  it('gives 2026 exactly as announced: weekdays off and the two Saturdays worked, each with its decision', () => {
    const year = sut.yearCalendar(2026);
    expect(year.map((d) => [d.date, d.kind])).toEqual([
      ['2026-01-01', 'holiday'],
      ['2026-01-02', 'override'],
      ['2026-01-10', 'working_saturday'],
      ['2026-02-16', 'override'],
      ['2026-02-17', 'override'],
      ['2026-02-18', 'override'],
      ['2026-02-19', 'override'],
      ['2026-02-20', 'override'],
      ['2026-04-27', 'make_up'],
      ['2026-04-30', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-08-22', 'working_saturday'],
      ['2026-08-31', 'override'],
      ['2026-09-01', 'override'],
      ['2026-09-02', 'holiday'],
      ['2026-11-24', 'override'],
    ]);
    expect(year.filter((d) => !d.decision)).toEqual([]);
  });

  it('gives 2027, with no notice yet, its statutory days (National Day’s two by the default rule) and the Art. 111(3) make-up days', () => {
    // date-holidays' Tết 2027: Fri 5/2 (the day before mùng 1) to Tue 9/2; Sat 6/2 and Sun 7/2 move to Wed 10/2 and Thu 11/2.
    expect(sut.yearCalendar(2027).map((d) => [d.date, d.kind])).toEqual([
      ['2027-01-01', 'holiday'],
      ['2027-02-05', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'make_up'],
      ['2027-02-11', 'make_up'],
      ['2027-04-16', 'holiday'],
      ['2027-04-30', 'holiday'],
      ['2027-05-03', 'make_up'],
      ['2027-09-01', 'holiday'],
      ['2027-09-02', 'holiday'],
      ['2027-11-24', 'holiday'],
    ]);
  });

  it('names a day off in Vietnamese, with its reason', () => {
    expect(sut.dayOff('2026-04-27')).toEqual({
      date: '2026-04-27',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/04)',
      kind: 'make_up',
      decision: 'Bộ luật Lao động 2019, Điều 111 khoản 3',
    });
    expect(sut.dayOff('2027-02-06')).toMatchObject({ name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday' });
    expect(sut.dayOff('2026-03-07')).toEqual({ date: '2026-03-07', name: 'Nghỉ hằng tuần (Thứ Bảy)', kind: 'weekend' });
    expect(sut.dayOff('2026-03-08')).toMatchObject({ name: 'Nghỉ hằng tuần (Chủ nhật)' });
    expect(sut.dayOff('2026-03-09')).toBeNull();
  });

  it('counts a Saturday of the notice as a working day', () => {
    expect(sut.isWorkingDay('2026-01-10')).toBe(true);
    expect(sut.dayOff('2026-01-10')).toBeNull();
  });

  it('refuses a date that does not exist', () => {
    expect(() => sut.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });

  it('keeps holidays on their Vietnamese date in a calendar kept in another time zone', () => {
    const utc = new WorkingCalendar({ timeZone: 'UTC', overrides: [] });
    expect(utc.isWorkingDay('2027-01-01')).toBe(false);
    expect(utc.isWorkingDay('2026-12-31')).toBe(true);
  });
});

describe('override files against the library', () => {
  it('win: a statutory day made a working day, an ordinary Wednesday made a day off', () => {
    const sut = with2027({
      daysOff: [{ date: '2027-03-10', name: 'Nghỉ do bão', decision }],
      workingDays: [{ date: '2027-04-30', name: 'Làm việc', decision }],
    });
    expect(sut.isWorkingDay('2027-04-30')).toBe(true);
    expect(sut.dayOff('2027-03-10')).toEqual({ date: '2027-03-10', name: 'Nghỉ do bão', kind: 'override', decision });
    expect(new WorkingCalendar({ overrides: [] }).isWorkingDay('2027-04-30')).toBe(false);
  });

  it('replace the library’s Tết once they list a Tết day, make-up days included', () => {
    const tet = ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({
      date,
      name: 'Tết Nguyên đán',
      decision,
    }));
    const sut = with2027({ daysOff: tet });
    expect(
      sut
        .yearCalendar(2027)
        .filter((d) => d.date < '2027-03-01')
        .map((d) => [d.date, d.kind]),
    ).toEqual([['2027-01-01', 'holiday'], ...tet.map((d) => [d.date, 'override'])]);
    expect(sut.isWorkingDay('2027-02-11')).toBe(true);
  });

  it('settle a weekend holiday’s make-up day: a Saturday holiday worked gives no make-up', () => {
    const sut = with2027({ workingDays: [{ date: '2027-05-01', name: 'Làm việc thứ Bảy 01/05', decision }] });
    expect(sut.isWorkingDay('2027-05-01')).toBe(true);
    expect(sut.isWorkingDay('2027-05-03')).toBe(true);
  });

  it('refuse two files for the same year', () => {
    const file = parseOverrides('2027.json', { year: 2027 });
    expect(() => new WorkingCalendar({ overrides: [file, file] })).toThrow(/two override files for 2027/);
  });
});

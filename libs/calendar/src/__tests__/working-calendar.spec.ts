import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CalendarOverrideError, loadOverrides, parseOverrides } from '../calendar-overrides';
import { WorkingCalendar } from '../working-calendar';

const ROOT = join(__dirname, '../../../..');
const at = (iso: string) => new Date(iso);

describe('WorkingCalendar (Asia/Ho_Chi_Minh, 2026 override file)', () => {
  const sut = new WorkingCalendar({ overrides: loadOverrides(join(ROOT, 'config/holidays')) });

  it('adds working days across a weekend', () => {
    expect(sut.addWorkingDays(at('2026-03-06T10:00:00+07:00'), 1)).toEqual(at('2026-03-09T10:00:00+07:00'));
  });

  it('adds working days across 30/4 and 1/5', () => {
    expect(sut.addWorkingDays(at('2026-04-29T09:00:00+07:00'), 1)).toEqual(at('2026-05-04T09:00:00+07:00'));
  });

  it('adds working days across Tết from the override file', () => {
    expect(sut.addWorkingDays(at('2026-02-13T10:00:00+07:00'), 1)).toEqual(at('2026-02-23T10:00:00+07:00'));
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(sut.addWorkingDays(at('2026-01-09T10:00:00+07:00'), 1)).toEqual(at('2026-01-10T10:00:00+07:00'));
    expect(sut.addWorkingDays(at('2026-08-21T10:00:00+07:00'), 1)).toEqual(at('2026-08-22T10:00:00+07:00'));
  });

  it('skips Ngày Văn hóa Việt Nam, 24/11', () => {
    expect(sut.addWorkingDays(at('2026-11-23T10:00:00+07:00'), 1)).toEqual(at('2026-11-25T10:00:00+07:00'));
  });

  it('gives a statutory holiday on a weekend its make-up day (Art. 111(3)): 1/5/2027 is a Saturday, Monday 3/5 is off', () => {
    expect(sut.dayOff('2027-05-03')).toMatchObject({ kind: 'make_up' });
    expect(sut.addWorkingDays(at('2027-04-29T10:00:00+07:00'), 1)).toEqual(at('2027-05-04T10:00:00+07:00'));
  });

  it('reads "the same day" (n = 0) as the end of the working day, and starts a clock begun off hours at the next working morning', () => {
    expect(sut.addWorkingDays(at('2026-03-04T10:00:00+07:00'), 0)).toEqual(at('2026-03-04T17:00:00+07:00'));
    expect(sut.addWorkingDays(at('2026-03-07T10:00:00+07:00'), 0)).toEqual(at('2026-03-09T17:00:00+07:00'));
    expect(sut.addWorkingDays(at('2026-03-04T19:00:00+07:00'), 1)).toEqual(at('2026-03-06T07:30:00+07:00'));
    expect(sut.addWorkingDays(at('2026-03-04T06:00:00+07:00'), 1)).toEqual(at('2026-03-05T07:30:00+07:00'));
  });

  it('adds working hours across lunch', () => {
    expect(sut.addWorkingHours(at('2026-03-04T11:00:00+07:00'), 1)).toEqual(at('2026-03-04T14:00:00+07:00'));
  });

  it('adds working hours across a night', () => {
    expect(sut.addWorkingHours(at('2026-03-04T16:00:00+07:00'), 2)).toEqual(at('2026-03-05T08:30:00+07:00'));
  });

  it('adds working hours across a weekend: 12 working hours from Friday afternoon', () => {
    // Fri 15:00–17:00 (2h), Mon 07:30–11:30 (4h), 13:30–17:00 (3.5h), Tue 07:30–10:00 (2.5h).
    expect(sut.addWorkingHours(at('2026-03-06T15:00:00+07:00'), 12)).toEqual(at('2026-03-10T10:00:00+07:00'));
  });

  it('measures the working time between two instants, the inverse of adding it', () => {
    const from = at('2026-03-06T15:00:00+07:00');
    const to = sut.addWorkingHours(from, 12);
    expect(sut.workingMsBetween(from, to)).toBe(12 * 3600_000);
    expect(sut.workingMsBetween(to, from)).toBe(0);
    expect(sut.workingMsBetween(at('2026-03-04T11:00:00+07:00'), at('2026-03-04T14:00:00+07:00'))).toBe(3600_000);
  });

  it('counts working days late: due Monday, Wednesday is 2 days late', () => {
    expect(sut.workingDaysBetween(at('2026-03-09T09:00:00+07:00'), at('2026-03-11T09:00:00+07:00'))).toBe(2);
    expect(sut.workingDaysBetween(at('2026-04-29T09:00:00+07:00'), at('2026-05-04T09:00:00+07:00'))).toBe(1);
  });

  it('lists the effective 2026 calendar exactly as announced', () => {
    const year = sut.yearCalendar(2026);
    expect(year.filter((d) => d.kind !== 'working_saturday').map((d) => d.date)).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02', '2026-11-24',
    ]);
    expect(year.filter((d) => d.kind === 'working_saturday').map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(year.every((d) => d.decision)).toBe(true);
  });
});

describe('override files', () => {
  it('win over the library: a statutory day made a working day, an ordinary Wednesday made a day off', () => {
    const sut = new WorkingCalendar({
      overrides: [parseOverrides('t.json', {
        year: 2027,
        daysOff: [{ date: '2027-03-10', name: 'Nghỉ do bão', decision: 'Quyết định thử nghiệm' }],
        workingDays: [{ date: '2027-04-30', name: 'Làm việc', decision: 'Quyết định thử nghiệm' }],
      })],
    });
    expect(sut.isWorkingDay('2027-04-30')).toBe(true);
    expect(sut.dayOff('2027-03-10')).toMatchObject({ kind: 'override', name: 'Nghỉ do bão' });
    expect(new WorkingCalendar({ overrides: [] }).isWorkingDay('2027-04-30')).toBe(false);
  });

  it('refuse a malformed file, naming it and the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dh-holidays-'));
    writeFileSync(join(dir, '2027.json'), JSON.stringify({ year: 2027, daysOff: [{ date: '2027-02-30', name: 'x', decision: 'y' }] }));
    expect(() => loadOverrides(dir)).toThrow(CalendarOverrideError);
    expect(() => loadOverrides(dir)).toThrow(/2027\.json: daysOff\[0\]\.date/);
    writeFileSync(join(dir, '2027.json'), JSON.stringify({ year: 2027, workingDays: [{ date: '2027-01-09', name: 'x' }] }));
    expect(() => loadOverrides(dir)).toThrow(/decision is required/);
  });
});

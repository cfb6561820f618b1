import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarOverrideError, loadOverrides } from '../calendar-overrides';

const decision = 'Quyết định thử nghiệm';
const dirWith = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-holidays-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
};

describe('loadOverrides', () => {
  const sut = loadOverrides;

  it('reads the 2026 notice from config/holidays by default', () => {
    const [y2026] = sut();
    expect(y2026.year).toBe(2026);
    expect(y2026.daysOff.map((d) => d.date)).toContain('2026-02-16');
    expect(y2026.workingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('leaves files other than <year>.json alone', () => {
    const dir = dirWith({
      'README.md': '# not a year',
      '2027-draft.json': '{',
      '2027.json': JSON.stringify({ year: 2027, daysOff: [] }),
    });
    expect(sut(dir)).toEqual([{ year: 2027, daysOff: [], workingDays: [] }]);
  });

  it('refuses a directory that does not exist', () => {
    expect(() => sut(join(tmpdir(), 'dh-no-such-holidays-dir'))).toThrow(/holidays directory not found/);
  });

  it.each([
    [
      'an impossible date',
      { year: 2027, daysOff: [{ date: '2027-02-30', name: 'x', decision }] },
      /daysOff\[0\] \(2027-02-30\): "date" must be a real YYYY-MM-DD date/,
    ],
    [
      'a date of another year',
      { year: 2027, daysOff: [{ date: '2026-12-31', name: 'x', decision }] },
      /daysOff\[0\] \(2026-12-31\): "date" is not in 2027/,
    ],
    [
      'an entry without its decision',
      { year: 2027, workingDays: [{ date: '2027-01-09', name: 'x' }] },
      /workingDays\[0\] \(2027-01-09\): "decision" must be a non-empty string/,
    ],
    [
      'an unknown key in an entry',
      { year: 2027, daysOff: [{ date: '2027-03-10', name: 'x', decision, kind: 'storm' }] },
      /daysOff\[0\] \(2027-03-10\): unknown key "kind"/,
    ],
    ['a misspelt list', { year: 2027, dayOff: [] }, /unknown key "dayOff"/],
    ['a list that is not a list', { year: 2027, daysOff: { date: '2027-03-10' } }, /"daysOff" must be a list/],
    [
      'a date listed twice',
      {
        year: 2027,
        daysOff: [
          { date: '2027-03-10', name: 'x', decision },
          { date: '2027-03-10', name: 'y', decision },
        ],
      },
      /daysOff\[1\] \(2027-03-10\): "date" is listed twice/,
    ],
    [
      'a date both off and worked',
      {
        year: 2027,
        daysOff: [{ date: '2027-03-10', name: 'x', decision }],
        workingDays: [{ date: '2027-03-10', name: 'y', decision }],
      },
      /2027-03-10 is both in daysOff and in workingDays/,
    ],
    ['a year that does not match the file name', { year: 2028 }, /"year" 2028 does not match the file name/],
    ['a year that is not a number', { year: '2027' }, /"year" must be a four-digit whole number/],
  ])('refuses %s, naming the file and the entry', (_case, body, message) => {
    const dir = dirWith({ '2027.json': JSON.stringify(body) });
    expect(() => sut(dir)).toThrow(CalendarOverrideError);
    expect(() => sut(dir)).toThrow(join(dir, '2027.json'));
    expect(() => sut(dir)).toThrow(message);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const dir = dirWith({ '2027.json': '{ "year": 2027, ' });
    expect(() => sut(dir)).toThrow(new RegExp(`${join(dir, '2027.json').replace(/[.\\]/g, '\\$&')}: not valid JSON`));
  });
});

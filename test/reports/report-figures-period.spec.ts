import { reportPeriod } from '@dh/reports';

describe('reportPeriod: the instants a report of a school year counts between, local time', () => {
  const TZ = 'Asia/Ho_Chi_Minh';

  it.each([
    ['semester_1', '2026-09-04T17:00:00.000Z', '2027-01-15T16:59:59.999Z'],
    ['school_year', '2026-09-04T17:00:00.000Z', '2027-05-31T16:59:59.999Z'],
  ] as const)('%s of 2026-2027 runs from 5 September 00:00 to the end of its last day', (kind, from, to) => {
    const sut = reportPeriod(kind, '2026-2027', TZ);
    expect({ from: sut.from.toISOString(), to: sut.to.toISOString() }).toEqual({ from, to });
  });

  it('counts the days in the zone it is given', () => {
    const sut = reportPeriod('semester_1', '2027-2028', 'UTC');
    expect(sut.from.toISOString()).toBe('2027-09-05T00:00:00.000Z');
    expect(sut.to.toISOString()).toBe('2028-01-15T23:59:59.999Z');
  });

  it.each(['2026', '2026-2028', '2026/2027', ' 2026-2027', '2027-2026'])(
    'refuses the school year "%s", naming the field',
    (schoolYear) => {
      expect(() => reportPeriod('semester_1', schoolYear, TZ)).toThrow(/schoolYear/);
    },
  );
});

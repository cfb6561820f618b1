import { breachDueAt, breachRungs } from '../breach-clock';

describe('the breach clock’s ladder', () => {
  const detectedAt = new Date('2026-08-28T03:00:00Z');

  it('falls due 72 hours of the calendar after detection', () => {
    expect(breachDueAt(detectedAt).toISOString()).toBe('2026-08-31T03:00:00.000Z');
  });

  it('alerts at 24 and 48 hours, then at 72 to the principal and the ward', () => {
    const sut = breachRungs(detectedAt, new Date('2026-08-28T04:00:00Z'));
    expect(sut.map((r) => [r.level, r.dueAt.toISOString()])).toEqual([
      ['reminder', '2026-08-29T03:00:00.000Z'],
      ['principal', '2026-08-30T03:00:00.000Z'],
      ['overdue', '2026-08-31T03:00:00.000Z'],
      ['ward', '2026-08-31T03:00:00.000Z'],
    ]);
  });

  it('recorded late, sends none of the early warnings it missed, and always the deadline’s own', () => {
    const sut = breachRungs(detectedAt, new Date('2026-08-30T05:00:00Z'));
    expect(sut.map((r) => r.level)).toEqual(['overdue', 'ward']);
    expect(breachRungs(detectedAt, new Date('2026-09-05T00:00:00Z')).map((r) => r.level)).toEqual(['overdue', 'ward']);
  });
});

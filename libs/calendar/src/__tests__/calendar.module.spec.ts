import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { CalendarModule } from '../calendar.module';
import { WorkingCalendar } from '../working-calendar';

describe('CalendarModule', () => {
  const saved = { HOLIDAYS_DIR: process.env.HOLIDAYS_DIR, TZ_NAME: process.env.TZ_NAME };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });
  const sut = async (): Promise<WorkingCalendar> =>
    (await Test.createTestingModule({ imports: [CalendarModule] }).compile()).get(WorkingCalendar);

  it('works without the app config: config/holidays and Asia/Ho_Chi_Minh by default', async () => {
    delete process.env.HOLIDAYS_DIR;
    delete process.env.TZ_NAME;
    const calendar = await sut();
    expect(calendar.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
  });

  it('reads HOLIDAYS_DIR and TZ_NAME from the environment', async () => {
    process.env.HOLIDAYS_DIR = mkdtempSync(join(tmpdir(), 'dh-holidays-'));
    process.env.TZ_NAME = 'Asia/Bangkok';
    const calendar = await sut();
    expect(calendar.timeZone).toBe('Asia/Bangkok');
    expect(calendar.isWorkingDay('2026-01-10')).toBe(false);
  });
});

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { FieldProblem, InputValidationException } from '@dh/errors';
import { Caller, chainActor } from '@dh/identity';
import { CalendarChangeHooks } from '../calendar-change-hooks';
import { CalendarOverrides } from '../calendar-overrides';
import { LocalTime } from '../local-time';
import { WorkingCalendar } from '../working-calendar';
import { CalendarDay, CalendarYear } from './calendar-day.entity';
import { CalendarEntryView, CalendarSource, changesOf, entryView, fileEntries, overridesOf } from './calendar-entries';
import { CalendarDayDto } from './dtos/calendar-year.dto';

export type CalendarYearView = {
  year: number;
  source: CalendarSource;
  entries: CalendarEntryView[];
  items: ReturnType<WorkingCalendar['yearCalendar']>;
};

export const checkYear = (year: number): void => {
  if (year < 2000 || year > 2100)
    throw new InputValidationException([
      { field: 'year', problems: ['year: phải từ 2000 đến 2100 / must be between 2000 and 2100'] },
    ]);
};

// The working calendar kept in the app. A year an admin has set replaces the HOLIDAYS_DIR file's for that year;
// a year never set keeps the file's (or the statutory days alone). The days are read into the one in-memory
// WorkingCalendar at boot, and a change is put in force there once committed, so every caller stays synchronous.
@Injectable()
export class CalendarAdminService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
    private readonly changeHooks: CalendarChangeHooks,
  ) {}

  async onModuleInit(): Promise<void> {
    const years = await this.source.getRepository(CalendarYear).find();
    const days = await this.source.getRepository(CalendarDay).find({ order: { date: 'ASC' } });
    for (const { year } of years)
      this.calendar.setYear(
        year,
        overridesOf(
          year,
          days.filter((d) => d.year === year),
        ),
      );
  }

  async view(year: number): Promise<CalendarYearView> {
    checkYear(year);
    const { source, entries } = await this.listOf(this.source.manager, year);
    return { year, source, entries, items: this.calendar.yearCalendar(year) };
  }

  async replace(
    admin: Caller,
    year: number,
    sent: CalendarDayDto[],
  ): Promise<CalendarYearView & { movedDeadlines: number }> {
    checkYear(year);
    const now = this.clock.now();
    this.check(year, sent, new LocalTime(this.calendar.timeZone).of(now).date);
    const entries = sent.map(entryView).sort((a, b) => a.date.localeCompare(b.date));
    const next = overridesOf(year, sent);
    const moved = await inTransaction(this.source, async (tx) => {
      // One change at a time; what is in force is read back here, not trusted from memory.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:calendar'))`);
      const before = await this.listOf(tx, year);
      const changes = changesOf(before.entries, entries);
      if (before.source === 'app' && !changes.added.length && !changes.changed.length && !changes.removed.length)
        return null;
      await tx.getRepository(CalendarYear).upsert({ year, updatedAt: now }, ['year']);
      await tx.getRepository(CalendarDay).delete({ year });
      if (sent.length) await tx.getRepository(CalendarDay).insert(sent.map((d) => ({ ...d, year })));
      const movedDeadlines = await this.changeHooks.run(
        tx,
        this.calendar.withYear(year, before.overrides),
        this.calendar.withYear(year, next),
      );
      await this.chain.append(tx, {
        type: 'CALENDAR_YEAR_UPDATED',
        ...chainActor(admin),
        subjectId: null,
        at: now,
        payload: { year, sourceBefore: before.source, ...changes, movedDeadlines },
      });
      return movedDeadlines;
    });
    if (moved) this.calendar.setYear(year, next);
    return {
      year,
      source: 'app',
      entries,
      items: this.calendar.yearCalendar(year),
      movedDeadlines: moved?.length ?? 0,
    };
  }

  // The year's list and where it comes from, with the notice it makes.
  private async listOf(
    m: EntityManager,
    year: number,
  ): Promise<{ source: CalendarSource; entries: CalendarEntryView[]; overrides?: CalendarOverrides }> {
    if (await m.getRepository(CalendarYear).existsBy({ year })) {
      const days = await m.getRepository(CalendarDay).find({ where: { year }, order: { date: 'ASC' } });
      return { source: 'app', entries: days.map(entryView), overrides: overridesOf(year, days) };
    }
    // Not kept in the app: what the calendar holds for the year is the file's.
    const file = this.calendar.overridesOf(year);
    return file
      ? { source: 'file', entries: fileEntries(file), overrides: file }
      : { source: 'statutory', entries: [] };
  }

  // What the DTO cannot see alone: the year, a date twice, a decision dated after today. All problems at once.
  private check(year: number, sent: CalendarDayDto[], today: string): void {
    const problems: FieldProblem[] = [];
    const first = new Map<string, number>();
    sent.forEach((d, i) => {
      if (!d.date.startsWith(`${year}-`))
        problems.push({
          field: `entries[${i}].date`,
          problems: [`entries[${i}].date: ngày ${d.date} không thuộc năm ${year} / ${d.date} is not in ${year}`],
        });
      const j = first.get(d.date);
      if (j !== undefined)
        problems.push({
          field: `entries[${i}].date`,
          problems: [
            `entries[${i}].date: ngày ${d.date} đã có ở entries[${j}] / ${d.date} is listed twice (also entries[${j}])`,
          ],
        });
      else first.set(d.date, i);
      if (d.decisionDate > today)
        problems.push({
          field: `entries[${i}].decisionDate`,
          problems: [
            `entries[${i}].decisionDate: ngày ban hành không được sau hôm nay / the decision cannot be dated after today`,
          ],
        });
    });
    if (problems.length) throw new InputValidationException(problems);
  }
}

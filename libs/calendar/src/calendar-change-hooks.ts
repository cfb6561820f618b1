import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkingCalendar } from './working-calendar';

// What else follows a change of a year's calendar, in the change's transaction (escalations moves the open
// deadlines). Answers what it moved, for the admin chain's record.
export type CalendarChangeHook = (
  tx: EntityManager,
  before: WorkingCalendar,
  after: WorkingCalendar,
) => Promise<unknown[]>;

// Registered at init by the library that owns what moves, so the calendar imports none of them.
@Injectable()
export class CalendarChangeHooks {
  private readonly hooks: CalendarChangeHook[] = [];

  register(hook: CalendarChangeHook): void {
    this.hooks.push(hook);
  }

  async run(tx: EntityManager, before: WorkingCalendar, after: WorkingCalendar): Promise<unknown[]> {
    const moved: unknown[] = [];
    for (const hook of this.hooks) moved.push(...(await hook(tx, before, after)));
    return moved;
  }
}

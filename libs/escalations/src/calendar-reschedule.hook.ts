import { Injectable, OnModuleInit } from '@nestjs/common';
import { CalendarChangeHooks } from '@dh/calendar';
import { rescheduleOpenDeadlines } from './calendar-reschedule';
import { PlanDatesPort } from './plan-dates';

// A change of the working calendar moves the open clocks it affects: escalations' concern, run by the calendar.
@Injectable()
export class CalendarRescheduleHook implements OnModuleInit {
  constructor(
    private readonly hooks: CalendarChangeHooks,
    private readonly plans: PlanDatesPort,
  ) {}

  onModuleInit(): void {
    this.hooks.register((tx, before, after) => rescheduleOpenDeadlines(tx, before, after, this.plans));
  }
}

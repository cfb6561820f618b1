import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PlanDate } from '@dh/machines/case/types';
import type { DeadlineRule } from './deadline.entity';

// The rule a clock due on a plan date is stored with (and rescheduled by).
export const PLAN_RULES: Record<PlanDate, DeadlineRule> = { reviewDate: 'plan_review_date', endDate: 'plan_end_date' };

// What a plan-dated clock reads of the support plans. The records library owns them and sits above this one
// (its stage records start clocks), so it plugs its reader in here at init instead of escalations reading its table.
export type PlanDatesReader = {
  // The date (YYYY-MM-DD) the current plan of each of these cases gives, where it gives one.
  planDates: (tx: EntityManager, caseIds: string[], date: PlanDate) => Promise<Map<string, string>>;
};

@Injectable()
export class PlanDatesPort implements PlanDatesReader {
  private reader: PlanDatesReader | null = null;

  provide(reader: PlanDatesReader): void {
    this.reader = reader;
  }

  planDates(tx: EntityManager, caseIds: string[], date: PlanDate): Promise<Map<string, string>> {
    return caseIds.length ? this.use().planDates(tx, caseIds, date) : Promise.resolve(new Map());
  }

  private use(): PlanDatesReader {
    if (!this.reader) throw new Error('no reader of support plans: the records module provides it at init');
    return this.reader;
  }
}

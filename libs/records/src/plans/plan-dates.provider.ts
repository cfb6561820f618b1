import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanDatesPort } from '@dh/escalations';
import type { PlanDate } from '@dh/machines/case/types';

const COLUMNS: Record<PlanDate, string> = { reviewDate: 'review_date', endDate: 'end_date' };

// Answers escalations' question about plan dates (it sits below this library, so it asks through its port).
@Injectable()
export class PlanDatesProvider implements OnModuleInit {
  constructor(private readonly port: PlanDatesPort) {}

  onModuleInit(): void {
    this.port.provide({ planDates: (tx, ids, date) => this.planDates(tx, ids, date) });
  }

  // The highest revision is the plan in force.
  async planDates(tx: EntityManager, caseIds: string[], date: PlanDate): Promise<Map<string, string>> {
    const rows = await tx.query<{ caseId: string; day: string | null }[]>(
      `SELECT DISTINCT ON (case_id) case_id AS "caseId", to_char(${COLUMNS[date]}, 'YYYY-MM-DD') AS day
         FROM support_plan WHERE case_id = ANY($1) ORDER BY case_id, revision DESC`,
      [caseIds],
    );
    return new Map(rows.flatMap((r) => (r.day ? [[r.caseId, r.day] as const] : [])));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AlertService } from './alert.service';

// What this hook reads of a case transition (libs/cases' TransitionStep). Declared here, not imported: libs/cases
// imports this library, which cannot import it back.
export type RiskStep = {
  tx: EntityManager;
  at: Date;
  fromRisk: string;
  row: { id: string; schoolId: string; code: string; riskLevel: string };
};

// A transition that makes a case's risk critical: its supervisors and principal hear of it inside the transition,
// not at the next sweep. Run in TransitionHooks' record phase, on the row as the transition writes it.
@Injectable()
export class CriticalRiskHook {
  constructor(private readonly alerts: AlertService) {}

  async record({ tx, at, fromRisk, row }: RiskStep): Promise<void> {
    if (fromRisk === 'critical' || row.riskLevel !== 'critical') return;
    await this.alerts.raiseCriticalRisk(tx, { caseId: row.id, schoolId: row.schoolId, code: row.code }, at);
  }
}

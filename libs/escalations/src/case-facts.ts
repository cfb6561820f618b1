import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RiskLevel } from '@dh/machines/case/types';

export type CaseFacts = { code: string; assigneeId: string | null; riskLevel: RiskLevel };

// What escalations reads of cases. The cases library sits above this one (it runs the clocks of its
// transitions), so it plugs its reader in here at init instead of escalations reading its table.
export type CaseFactsReader = {
  // Code, assignee and risk of these cases by id, in one query.
  factsOf: (tx: EntityManager, caseIds: string[]) => Promise<Map<string, CaseFacts>>;
};

@Injectable()
export class CaseFactsPort implements CaseFactsReader {
  private reader: CaseFactsReader | null = null;

  provide(reader: CaseFactsReader): void {
    this.reader = reader;
  }

  factsOf(tx: EntityManager, caseIds: string[]): Promise<Map<string, CaseFacts>> {
    return caseIds.length ? this.use().factsOf(tx, caseIds) : Promise.resolve(new Map());
  }

  private use(): CaseFactsReader {
    if (!this.reader) throw new Error('no reader of cases: the cases module provides it at init');
    return this.reader;
  }
}

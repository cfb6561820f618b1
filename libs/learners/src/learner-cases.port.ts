import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Caller } from '@dh/identity';

export type LearnerCase = { id: string; learnerId: string | null };

// What the family read asks of cases. The cases library sits above this one (a case is about a learner), so
// it plugs its answers in here at init instead of this library reading the case table.
export type LearnerCasesReader = {
  // The learners' cases through which the caller is on the case team, locked, as the lock holds them.
  teamCases: (
    tx: EntityManager,
    caller: Caller,
    learners: { id: string; schoolId: string }[],
  ) => Promise<LearnerCase[]>;
  // Writes down, on the case's chain, that the caller read these fields through it.
  recordView: (tx: EntityManager, caller: Caller, caseId: string, fields: string[]) => Promise<void>;
};

@Injectable()
export class LearnerCasesPort implements LearnerCasesReader {
  private reader: LearnerCasesReader | null = null;

  provide(reader: LearnerCasesReader): void {
    this.reader = reader;
  }

  teamCases(tx: EntityManager, caller: Caller, learners: { id: string; schoolId: string }[]): Promise<LearnerCase[]> {
    return learners.length ? this.use().teamCases(tx, caller, learners) : Promise.resolve([]);
  }

  recordView(tx: EntityManager, caller: Caller, caseId: string, fields: string[]): Promise<void> {
    return this.use().recordView(tx, caller, caseId, fields);
  }

  private use(): LearnerCasesReader {
    if (!this.reader) throw new Error('no reader of cases: the cases module provides it at init');
    return this.reader;
  }
}

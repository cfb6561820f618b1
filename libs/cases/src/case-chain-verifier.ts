import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditService,
  CASE_FACTS_COLUMNS,
  caseFactsOf,
  CaseFactsRow,
  ChainVerdict,
  SweepOptions,
  sweepCaseChains,
  sweepThreads,
  verifyCaseChain,
} from '@dh/audit';
import { CASE_EVENT_TYPES } from './dtos/event-payloads';

// The events that move a case's version, for the engine as it stands: CASE_OPENED sets it to 1, and
// CaseTransitionService adds one for every event the machine accepts, a self-transition (ADD_NOTE, ASSIGN,
// UPDATE_RISK) as much as a change of stage; a MACHINE_MIGRATED adds one too. Events beside the stages
// (VIEWED, FORM_GENERATED, consents, sessions, clocks, grants, alerts, the learner named) leave it as it is.
// So a case's version equals the count of these events in its chain, exactly.
const VERSIONED = new Set<string>(['CASE_OPENED', 'MACHINE_MIGRATED', ...CASE_EVENT_TYPES]);
export const movesVersion = (type: string): boolean => VERSIONED.has(type);

// Each chain against its case: hashes and numbers, the states one event to the next, the case's state, version
// and kept head. An operator who deletes events behind the trigger's back must rewrite the case row too.
@Injectable()
export class CaseChainVerifier implements OnModuleDestroy {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
  ) {}

  async verify(caseId: string, tx?: EntityManager): Promise<ChainVerdict> {
    const manager = tx ?? this.source.manager;
    const [row]: CaseFactsRow[] = await manager.query(`SELECT ${CASE_FACTS_COLUMNS} FROM "case" WHERE id = $1`, [
      caseId,
    ]);
    const facts = row ? caseFactsOf(row) : null;
    return verifyCaseChain(caseId, await this.audit.history(caseId, manager), facts, movesVersion);
  }

  // Every case in id order, those without a single event too: the same verdicts as verify() case by case, from one
  // sweep of the audit table, read and checked in worker threads.
  async *verifyAll(options?: SweepOptions): AsyncGenerator<ChainVerdict> {
    yield* sweepCaseChains(this.source, [...VERSIONED], options);
  }

  // The threads a sweep leaves waiting for the next one.
  async onModuleDestroy(): Promise<void> {
    await sweepThreads.stop();
  }
}

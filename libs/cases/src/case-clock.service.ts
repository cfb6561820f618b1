import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { DeadlineService } from '@dh/escalations';
import { Caller, chainActor } from '@dh/identity';
import { CaseService } from './case.service';
import { CaseView } from './case-view';
import { CaseEntity } from './case.entity';
import { CaseException, CaseExceptionCode } from './case.exception';

// A supervisor stops a case's clocks when the school cannot act (learner in hospital, school closed by a
// storm); paused time counts toward no deadline. Each pause and resume is in the case's chain.
@Injectable()
export class CaseClockService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly deadlines: DeadlineService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  pause(caller: Caller, caseId: string, reason: string): Promise<CaseView> {
    return this.change(caller, caseId, async (row, now) => {
      if (row.clocksPausedAt)
        throw new CaseException(CaseExceptionCode.CLOCKS_ALREADY_PAUSED, {
          pausedAt: row.clocksPausedAt.toISOString(),
        });
      row.clocksPausedAt = now;
      return { type: 'CLOCKS_PAUSED', payload: { reason: reason.trim() } };
    });
  }

  resume(caller: Caller, caseId: string, note?: string): Promise<CaseView> {
    return this.change(caller, caseId, async (row, now, tx) => {
      if (!row.clocksPausedAt) throw new CaseException(CaseExceptionCode.CLOCKS_NOT_PAUSED);
      const { pausedWorkingMs } = await this.deadlines.resume(tx, row.id, now);
      const pausedSince = row.clocksPausedAt.toISOString();
      row.clocksPausedAt = null;
      return {
        type: 'CLOCKS_RESUMED',
        payload: { pausedSince, pausedWorkingMs, ...(note?.trim() ? { note: note.trim() } : {}) },
      };
    });
  }

  private change(
    caller: Caller,
    caseId: string,
    apply: (
      row: CaseEntity,
      now: Date,
      tx: EntityManager,
    ) => Promise<{ type: string; payload: Record<string, unknown> }>,
  ): Promise<CaseView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.clocks');
      const now = this.clock.now();
      const { type, payload } = await apply(row, now, tx);
      if (row.clocksPausedAt) await this.deadlines.pause(tx, row.id, now);
      await tx.getRepository(CaseEntity).update({ id: row.id }, { clocksPausedAt: row.clocksPausedAt });
      await this.audit.appendCaseEvent(tx, row.id, { ...chainActor(caller), at: now }, type, payload);
      return this.cases.view(row, caller, tx);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@dh/audit';
import { Action, Caller, chainActor, mayActOnCase } from '@dh/identity';

import { CaseEntity } from './case.entity';
import { CaseService } from './case.service';

// The steps every record kept beside the stages shares (consents, sessions, family contacts, follow-ups):
// find the case as the caller sees it, lock it, refine the right to the case team, and append an event to
// its chain that moves neither the stage nor the version. The caller's transaction throughout.
@Injectable()
export class CaseRecordWriter {
  constructor(
    private readonly cases: CaseService,
    private readonly audit: AuditService,
  ) {}

  // Another school's case is 404 (findVisible); `notTeam` is the feature's own refusal. Locked unless only
  // read, so the event serialises with the case's transitions and its sequence numbers stay one at a time.
  async teamCase(
    tx: EntityManager,
    caller: Caller,
    caseId: string,
    action: Action,
    notTeam: () => Error,
    lock = true,
  ): Promise<CaseEntity> {
    const row = await this.cases.findVisible(caller, caseId, tx, lock, action);
    if (!mayActOnCase(caller, action, row)) throw notTeam();
    return row;
  }

  async append(
    tx: EntityManager,
    caller: Caller,
    row: Pick<CaseEntity, 'id'>,
    type: string,
    at: Date,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.appendCaseEvent(tx, row.id, { ...chainActor(caller), at }, type, payload);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@dh/audit';
import { inTransaction } from '@dh/database';
import { Caller, User } from '@dh/identity';
import { CaseChainVerifier } from './case-chain-verifier';
import { CaseService } from './case.service';
import { ConfidentialAccess } from './confidential/confidential-access.service';
import { toHistoryItem } from './history-item';

// The trail shows everyone allowed to read it what happened, who did it and when; what was written about
// the learner only to those who may read it, and reading it is itself an event.
@Injectable()
export class CaseHistoryService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly audit: AuditService,
    private readonly confidential: ConfidentialAccess,
    private readonly chains: CaseChainVerifier,
  ) {}

  history(caller: Caller, id: string) {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, id, tx, false, 'case.history');
      const events = await this.audit.history(id, tx);
      const reveal = await this.confidential.mayRead(tx, caller, row);
      const masked = events.map((e) => ({ event: e, ...this.audit.mask(e.type, e.payload) }));
      // An inspector reads who acted by name, not by id (the chronology names them the same way).
      const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is string => a !== null))];
      const users = actorIds.length
        ? await tx.getRepository(User).find({ where: { id: In(actorIds) }, select: { id: true, fullName: true } })
        : [];
      const names = new Map(users.map((u) => [u.id, u.fullName]));
      const nameOf = (actorId: string | null) => (actorId ? (names.get(actorId) ?? null) : null);
      const shown = [...new Set(masked.flatMap((m) => m.masked.map((f) => `${m.event.type}.${f}`)))].sort();
      if (reveal && shown.length) await this.confidential.recordView(tx, caller, row, shown);
      return {
        items: await Promise.all(
          masked.map(async ({ event, payload, masked: fields }) =>
            reveal
              ? {
                  ...toHistoryItem(event),
                  actorName: nameOf(event.actorId),
                  payload: await this.audit.openPayload(event),
                  masked: [],
                }
              : { ...toHistoryItem(event), actorName: nameOf(event.actorId), payload, masked: fields },
          ),
        ),
      };
    });
  }

  async verify(caller: Caller, id: string) {
    await this.cases.findVisible(caller, id, undefined, false, 'case.history');
    const { valid, events, firstInvalidSeq, findings } = await this.chains.verify(id);
    return valid ? { valid, events } : { valid, events, firstInvalidSeq, findings };
  }
}

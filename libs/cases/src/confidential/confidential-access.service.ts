import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { actorIn, Caller, chainActor, liveGrantWhere, School } from '@dh/identity';
import { CaseEntity } from '../case.entity';
import { ConfidentialGrant } from './confidential-grant.entity';

// DESIGN.md's role table for confidential content: the supervisors of the school, the counsellor assigned,
// a principal holding a live grant. Nobody else, whatever else they may read.
@Injectable()
export class ConfidentialAccess {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mayRead(tx: EntityManager, caller: Caller, row: CaseEntity): Promise<boolean> {
    const roles = actorIn(caller, row.schoolId).roles;
    if (roles.includes('supervisor')) return true;
    if (roles.includes('counsellor') && row.assigneeId === caller.id) return true;
    if (roles.includes('principal')) {
      return tx
        .getRepository(ConfidentialGrant)
        .existsBy({ caseId: row.id, granteeId: caller.id, ...liveGrantWhere(this.clock.now()) });
    }
    // A case referred to the ward: the officers of the school's ward, while the referral lasts.
    if (caller.roles.includes('ward_officer') && row.referredToWardAt !== null && caller.wardId !== null) {
      return tx.getRepository(School).existsBy({ id: row.schoolId, wardId: caller.wardId });
    }
    return false;
  }

  // Who reported (Decree 56 Art. 24) is narrower still: the school's supervisors, a principal with a grant, and
  // the counsellor who opened the case, who recorded the reporter and so already knows them.
  async mayReadReporter(tx: EntityManager, caller: Caller, row: CaseEntity): Promise<boolean> {
    const roles = actorIn(caller, row.schoolId).roles;
    if (roles.includes('supervisor')) return true;
    if (roles.includes('counsellor') && row.openedBy === caller.id) return true;
    return roles.includes('principal') && (await this.mayRead(tx, caller, row));
  }

  // Every read of confidential content is an event of the case's chain: who, in which role, which fields.
  // An export (a form) is such a read under its own type, with what it printed (`as`).
  async recordView(
    tx: EntityManager,
    caller: Caller,
    row: Pick<CaseEntity, 'id'>,
    fields: string[],
    as: { type: string; payload: Record<string, unknown> } = { type: 'VIEWED', payload: {} },
  ): Promise<void> {
    // The row was read before the lock; the event's state is read under it (a transition may have committed since).
    const by = { ...chainActor(caller), at: this.clock.now() };
    await this.audit.appendCaseEvent(tx, row.id, by, as.type, { ...as.payload, fields, role: by.actorRole });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { FieldCipher } from '@dh/crypto';
import { actorIn, Caller, chainActor, mayActOnCase, primaryRole } from '@dh/identity';
import { CaseEntity } from '../case.entity';
import { ConfidentialAccess } from '../confidential/confidential-access.service';
import { SEALED_CONTEXT } from '../confidential/confidential-fields';
import { Guardian, Learner } from './learner.entity';

// `guardians` is null where the reader may not see family details, and `masked` then names them.
export type LearnerView = Omit<Learner, 'nameKey' | 'skeletonKey' | 'guardians'> & {
  guardians: Guardian[] | null;
  masked: string[];
};

// What a read of the family is called in the audit trail.
const FAMILY_FIELD = 'learner.guardians';

export const toLearnerView = (l: Learner, guardians: Guardian[] | null): LearnerView => ({
  id: l.id,
  schoolId: l.schoolId,
  fullName: l.fullName,
  dateOfBirth: l.dateOfBirth,
  sex: l.sex,
  className: l.className,
  guardians,
  masked: guardians === null ? ['guardians'] : [],
  createdAt: l.createdAt,
  updatedAt: l.updatedAt,
});

type TeamCase = Pick<CaseEntity, 'id' | 'schoolId' | 'learnerId' | 'assigneeId' | 'state'>;

// A learner's family (Decree 56 Art. 33) is confidential content of their cases: it goes to the case team of
// one of those cases ('learner.family' through mayActOnCase: the assigned counsellor, the school's supervisors)
// and, for a learner with no case yet, to the school's supervisors. Each read is written down, never its
// content: a VIEWED event on each case the reader reads it through, or, with no case to hold it, a
// LEARNER_FAMILY_VIEWED event of the admin chain (the installation's one chain outside the cases).
@Injectable()
export class LearnerFamilyAccess {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly confidential: ConfidentialAccess,
    private readonly adminChain: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async views(tx: EntityManager, caller: Caller, learners: Learner[]): Promise<LearnerView[]> {
    const through = await this.teamCases(tx, caller, learners);
    const views: LearnerView[] = [];
    for (const l of learners) {
      const cases = through.filter((c) => c.learnerId === l.id);
      const supervisor = actorIn(caller, l.schoolId).roles.includes('supervisor');
      if (cases.length === 0 && !supervisor) {
        views.push(toLearnerView(l, null));
        continue;
      }
      const guardians = await this.cipher.openJson<Guardian[]>(l.guardians, SEALED_CONTEXT.guardians);
      // An empty list shows nothing confidential: no read to record.
      if (guardians.length > 0) await this.recordRead(tx, caller, l, cases);
      views.push(toLearnerView(l, guardians));
    }
    return views;
  }

  // The learners' cases through which the caller is on the team, locked in one order (so that two readers
  // cannot deadlock) before the decision is taken again on what the lock holds: an assignment that changed
  // in between counts as it now stands.
  private async teamCases(tx: EntityManager, caller: Caller, learners: Learner[]): Promise<TeamCase[]> {
    if (learners.length === 0) return [];
    const select = { id: true, schoolId: true, learnerId: true, assigneeId: true, state: true } as const;
    const mayRead = (c: TeamCase) =>
      learners.some((l) => l.id === c.learnerId && l.schoolId === c.schoolId) &&
      mayActOnCase(caller, 'learner.family', c);
    const seen = await tx
      .getRepository(CaseEntity)
      .find({ where: { learnerId: In(learners.map((l) => l.id)) }, select });
    const candidates = seen.filter(mayRead).map((c) => c.id);
    if (candidates.length === 0) return [];
    const locked = await tx
      .getRepository(CaseEntity)
      .find({ where: { id: In(candidates) }, select, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    return locked.filter(mayRead);
  }

  private async recordRead(tx: EntityManager, caller: Caller, l: Learner, cases: TeamCase[]): Promise<void> {
    for (const c of cases) await this.confidential.recordView(tx, caller, c, [FAMILY_FIELD]);
    if (cases.length > 0) return;
    const role = primaryRole(actorIn(caller, l.schoolId).roles);
    await this.adminChain.append(tx, {
      ...chainActor(caller),
      actorRole: role,
      type: 'LEARNER_FAMILY_VIEWED',
      subjectId: l.id,
      payload: { schoolId: l.schoolId, fields: [FAMILY_FIELD], role },
      at: this.clock.now(),
    });
  }
}

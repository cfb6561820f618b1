import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { FieldCipher } from '@dh/crypto';
import { actorIn, Caller, chainActor, primaryRole } from '@dh/identity';
import { LearnerCase, LearnerCasesPort } from './learner-cases.port';
import { GUARDIANS_SEALED_AS, NATIONAL_ID_SEALED_AS } from './learner-sealed';
import { Guardian, Learner } from './learner.entity';

// `guardians` and `nationalId` are null where the reader may not see them (the same rule: the family's), and
// `masked` then names them; `nationalId` is null too where the learner has none. `leftAt`: when a full roster of
// the school no longer listed them (the row stays, and is still found: a data request may be about them).
export type LearnerView = Omit<Learner, 'nameKey' | 'skeletonKey' | 'guardians' | 'nationalId' | 'nationalIdDigest'> & {
  guardians: Guardian[] | null;
  nationalId: string | null;
  masked: string[];
};

// What a read of the family, and of the national learner ID, is called in the audit trail.
const FAMILY_FIELD = 'learner.guardians';
const NATIONAL_ID_FIELD = 'learner.national_code';

// `sealed`: what the reader may see of the family and the ID, or null where they may not.
export const toLearnerView = (
  l: Learner,
  sealed: { guardians: Guardian[]; nationalId: string | null } | null,
): LearnerView => ({
  id: l.id,
  schoolId: l.schoolId,
  fullName: l.fullName,
  dateOfBirth: l.dateOfBirth,
  sex: l.sex,
  className: l.className,
  guardians: sealed?.guardians ?? null,
  nationalId: sealed?.nationalId ?? null,
  // A learner without an ID has nothing hidden there: only what is held is said to be masked.
  masked: sealed === null ? ['guardians', ...(l.nationalId !== null ? ['nationalId'] : [])] : [],
  leftAt: l.leftAt,
  createdAt: l.createdAt,
  updatedAt: l.updatedAt,
});

// A learner's family (Decree 56 Art. 33) is confidential content of their cases: it goes to the case team of
// one of those cases ('learner.family' through mayActOnCase: the assigned counsellor, the school's supervisors)
// and, for a learner with no case yet, to the school's supervisors. Each read is written down, never its
// content: a VIEWED event on each case the reader reads it through, or, with no case to hold it, a
// LEARNER_FAMILY_VIEWED event of the admin chain (the installation's one chain outside the cases).
@Injectable()
export class LearnerFamilyAccess {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly cases: LearnerCasesPort,
    private readonly adminChain: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async views(tx: EntityManager, caller: Caller, learners: Learner[]): Promise<LearnerView[]> {
    const through = await this.cases.teamCases(tx, caller, learners);
    const views: LearnerView[] = [];
    for (const l of learners) {
      const cases = through.filter((c) => c.learnerId === l.id);
      const supervisor = actorIn(caller, l.schoolId).roles.includes('supervisor');
      if (cases.length === 0 && !supervisor) {
        views.push(toLearnerView(l, null));
        continue;
      }
      const guardians = await this.cipher.openJson<Guardian[]>(l.guardians, GUARDIANS_SEALED_AS);
      const nationalId = l.nationalId === null ? null : await this.cipher.open(l.nationalId, NATIONAL_ID_SEALED_AS);
      // An empty family and no ID show nothing confidential: no read to record.
      const fields = [
        ...(guardians.length > 0 ? [FAMILY_FIELD] : []),
        ...(nationalId !== null ? [NATIONAL_ID_FIELD] : []),
      ];
      if (fields.length > 0) await this.recordRead(tx, caller, l, cases, fields);
      views.push(toLearnerView(l, { guardians, nationalId }));
    }
    return views;
  }

  private async recordRead(
    tx: EntityManager,
    caller: Caller,
    l: Learner,
    cases: LearnerCase[],
    fields: string[],
  ): Promise<void> {
    for (const c of cases) await this.cases.recordView(tx, caller, c.id, fields);
    if (cases.length > 0) return;
    const role = primaryRole(actorIn(caller, l.schoolId).roles);
    await this.adminChain.append(tx, {
      ...chainActor(caller),
      actorRole: role,
      type: 'LEARNER_FAMILY_VIEWED',
      subjectId: l.id,
      payload: { schoolId: l.schoolId, fields, role },
      at: this.clock.now(),
    });
  }
}

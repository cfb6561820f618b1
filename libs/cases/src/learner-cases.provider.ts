import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Caller, mayActOnCase } from '@dh/identity';
import { LearnerCase, LearnerCasesPort } from '@dh/learners';
import { CaseEntity } from './case.entity';
import { ConfidentialAccess } from './confidential/confidential-access.service';

type TeamCase = Pick<CaseEntity, 'id' | 'schoolId' | 'learnerId' | 'assigneeId' | 'state'>;

// Answers the learners library's questions about their cases (it sits below this library, so it asks through
// its port): whose case team a family read goes through, and the VIEWED event it leaves on each case.
@Injectable()
export class LearnerCasesProvider implements OnModuleInit {
  constructor(
    private readonly port: LearnerCasesPort,
    private readonly confidential: ConfidentialAccess,
  ) {}

  onModuleInit(): void {
    this.port.provide({
      teamCases: (tx, caller, learners) => this.teamCases(tx, caller, learners),
      recordView: (tx, caller, caseId, fields) => this.confidential.recordView(tx, caller, { id: caseId }, fields),
    });
  }

  // Locked in one order (so that two readers cannot deadlock) before the decision is taken again on what the
  // lock holds: an assignment that changed in between counts as it now stands.
  async teamCases(
    tx: EntityManager,
    caller: Caller,
    learners: { id: string; schoolId: string }[],
  ): Promise<LearnerCase[]> {
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
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@dh/audit';
import {
  assertRankedAreas, CaseEntity, CaseException, CaseExceptionCode, CaseService, CaseView, Learner, TransitionHooks, TransitionStep,
} from '@dh/cases';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { Caller, chainActor, mayActOnCase } from '@dh/identity';
import { IdentifyLearnerDto } from './dtos/identify-learner.dto';
import { IntakeException, IntakeExceptionCode } from './intake.exception';

const LEARNER_UNKNOWN: [string, string] = [
  'Hồ sơ chưa xác định học sinh. Hãy xác định học sinh trước khi bắt đầu đánh giá.',
  'The case’s learner is not named yet; name the learner before starting the assessment.',
];

// A report from the public form names no learner. The case team names them (and ranks the content areas)
// while the case is at intake; the assessment cannot start before. Closing at intake stays open to them:
// spam, and reports that are about no learner.
@Injectable()
export class LearnerIdentificationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hooks: TransitionHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.register({ events: ['START_ASSESSMENT'], prepare: (step) => this.refuseUnknownLearner(step) });
  }

  // A non-stage event of the case's chain, written under the case row's lock: the stage and version stay.
  identify(caller: Caller, caseId: string, dto: IdentifyLearnerDto): Promise<CaseView> {
    if (dto.areas) assertRankedAreas(dto.areas);
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.learner');
      if (!mayActOnCase(caller, 'case.learner', row)) throw new IntakeException(IntakeExceptionCode.NOT_CASE_TEAM);
      // Once the assessment starts, records and consents hang on the learner.
      if (row.state !== 'intake') throw new IntakeException(IntakeExceptionCode.LEARNER_FIXED, { state: row.state });
      const learner = await tx.getRepository(Learner).findOne({ where: { id: dto.learnerId, schoolId: row.schoolId }, select: { id: true } });
      if (!learner) throw new CaseException(CaseExceptionCode.LEARNER_NOT_FOUND);
      const now = this.clock.now();
      const previousLearnerId = row.learnerId;
      row.learnerId = learner.id;
      if (dto.areas) row.areas = dto.areas.map(({ code, priority }) => ({ code, priority }));
      row.updatedAt = now;
      await tx.getRepository(CaseEntity).update({ id: row.id }, { learnerId: row.learnerId, areas: row.areas, updatedAt: now });
      await this.audit.appendCaseEvent(tx, row.id, { ...chainActor(caller), at: now }, 'LEARNER_IDENTIFIED', {
        learnerId: row.learnerId, previousLearnerId, ...(dto.areas ? { areas: row.areas } : {}),
      });
      return this.cases.view(row, caller, tx);
    });
  }

  // Hooks run once the machine has taken the event from this caller, so its own refusal (not the assignee, a
  // closed case) comes first and this one only where it would otherwise start.
  private async refuseUnknownLearner(step: TransitionStep): Promise<Record<string, unknown>> {
    if (step.row.learnerId === null) {
      throw new CaseException(CaseExceptionCode.GUARD_REFUSED, { reason: 'learner_unknown' }, LEARNER_UNKNOWN);
    }
    return step.payload;
  }
}

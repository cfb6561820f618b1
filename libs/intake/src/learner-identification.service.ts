import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@dh/audit';
import { assertRankedAreas, CaseEntity, CaseService, CaseView } from '@dh/cases';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { Caller, chainActor, mayActOnCase } from '@dh/identity';
import { LearnerService } from '@dh/learners';
import { withLearnerKnown } from '@dh/machines/case/engine';
import { IdentifyLearnerDto } from './dtos/identify-learner.dto';
import { IntakeException, IntakeExceptionCode } from './intake.exception';

// A report from the public form names no learner. The case team names them (and ranks the content areas)
// while the case is at intake; the assessment cannot start before (the machine's rule, on its context's
// learnerKnown). Closing at intake stays open to them: spam, and reports that are about no learner.
@Injectable()
export class LearnerIdentificationService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly learners: LearnerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // A non-stage event of the case's chain, written under the case row's lock: the stage and version stay.
  identify(caller: Caller, caseId: string, dto: IdentifyLearnerDto): Promise<CaseView> {
    if (dto.areas) assertRankedAreas(dto.areas);
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.learner');
      if (!mayActOnCase(caller, 'case.learner', row)) throw new IntakeException(IntakeExceptionCode.NOT_CASE_TEAM);
      // Once the assessment starts, records and consents hang on the learner.
      if (row.state !== 'intake') throw new IntakeException(IntakeExceptionCode.LEARNER_FIXED, { state: row.state });
      await this.learners.assertInSchool(tx, dto.learnerId, row.schoolId);
      const now = this.clock.now();
      const previousLearnerId = row.learnerId;
      row.learnerId = dto.learnerId;
      if (dto.areas) row.areas = dto.areas.map(({ code, priority }) => ({ code, priority }));
      row.snapshot = withLearnerKnown(row.snapshot);
      row.updatedAt = now;
      await tx
        .getRepository(CaseEntity)
        .update(
          { id: row.id },
          { learnerId: row.learnerId, areas: row.areas, snapshot: row.snapshot as object, updatedAt: now },
        );
      await this.audit.appendCaseEvent(tx, row.id, { ...chainActor(caller), at: now }, 'LEARNER_IDENTIFIED', {
        learnerId: row.learnerId,
        previousLearnerId,
        ...(dto.areas ? { areas: row.areas } : {}),
      });
      return this.cases.view(row, caller, tx);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { CaseEntity } from './case.entity';

export type TriageCandidate = Pick<CaseEntity, 'id' | 'state' | 'bulkTriage' | 'version'>;

const CANDIDATE = { id: true, state: true, bulkTriage: true, version: true } as const;
const MARKED_AT_INTAKE = { bulkTriage: true, state: 'intake' } as const;
const IN_ORDER = { createdAt: 'ASC', id: 'ASC' } as const;

// What the intake library asks of a school's cases when public reports flood in: how many came through the
// public form lately, and which of them a supervisor may close together. Read here, not from the case table.
@Injectable()
export class CaseTriageService {
  constructor(@InjectDataSource() private readonly source: DataSource) {}

  // Cases of the public form (opened by nobody) recorded after `since`, in the caller's transaction.
  publicReportsSince(tx: EntityManager, schoolId: string, since: Date): Promise<number> {
    return tx.getRepository(CaseEntity).count({ where: { schoolId, openedBy: IsNull(), createdAt: MoreThan(since) } });
  }

  // These cases of the school, oldest first, whatever their mark and stage (the caller says why it skips one).
  candidatesAmong(schoolId: string, caseIds: string[]): Promise<TriageCandidate[]> {
    return this.source
      .getRepository(CaseEntity)
      .find({ where: { schoolId, id: In(caseIds) }, select: CANDIDATE, order: IN_ORDER });
  }

  // The school's oldest reports still marked and at intake, at most `limit`.
  markedAtIntake(schoolId: string, limit: number): Promise<TriageCandidate[]> {
    return this.source
      .getRepository(CaseEntity)
      .find({ where: { schoolId, ...MARKED_AT_INTAKE }, select: CANDIDATE, order: IN_ORDER, take: limit });
  }

  countMarkedAtIntake(schoolId: string): Promise<number> {
    return this.source.getRepository(CaseEntity).count({ where: { schoolId, ...MARKED_AT_INTAKE } });
  }
}

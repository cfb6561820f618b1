import { Injectable, Logger } from '@nestjs/common';
import { CaseException, CaseExceptionCode, CaseTransitionService, CaseTriageService, TriageCandidate } from '@dh/cases';
import { assertAllowed, Caller, schoolNotFound } from '@dh/identity';
import { BULK_CLOSE_MAX, BulkCloseAnswer, BulkCloseDto, SkipReason } from './bulk-close.dto';

// A supervisor closes the reports a flood marked, with one reason. Each case goes through the case machine
// on its own (CaseTransitionService: its lock, its version, a CLOSE_AT_INTAKE event in its own chain, its
// deadlines closed), each in its own transaction: a case that turns out to be real and was taken on meanwhile,
// or one the machine refuses (a protection concern open), is reported and left alone without undoing the
// others, and no transaction holds hundreds of case rows while the team works. A call cut short is retried as
// is: only what is still marked and at intake is closed.
@Injectable()
export class BulkTriageService {
  private readonly logger = new Logger(BulkTriageService.name);

  constructor(
    private readonly triage: CaseTriageService,
    private readonly transitions: CaseTransitionService,
  ) {}

  async close(caller: Caller, dto: BulkCloseDto): Promise<BulkCloseAnswer> {
    assertAllowed(caller, 'case.bulk_close', dto.schoolId, schoolNotFound);
    const skipped: BulkCloseAnswer['skipped'] = [];
    let candidates: TriageCandidate[];
    let remaining = 0;
    if (dto.caseIds) {
      const ids = [...new Set(dto.caseIds)];
      candidates = await this.triage.candidatesAmong(dto.schoolId, ids);
      for (const id of ids) if (!candidates.some((c) => c.id === id)) skipped.push({ caseId: id, reason: 'not_found' });
    } else {
      candidates = await this.triage.markedAtIntake(dto.schoolId, BULK_CLOSE_MAX + 1);
      remaining = Math.max(0, candidates.length - BULK_CLOSE_MAX);
      candidates = candidates.slice(0, BULK_CLOSE_MAX);
    }
    const closed: string[] = [];
    for (const c of candidates) {
      const why = c.bulkTriage
        ? c.state === 'intake'
          ? await this.closeOne(caller, c, dto.reason)
          : 'not_at_intake'
        : 'not_marked';
      if (why === null) closed.push(c.id);
      else skipped.push({ caseId: c.id, reason: why });
    }
    if (!dto.caseIds && remaining > 0) {
      remaining = await this.triage.countMarkedAtIntake(dto.schoolId);
    }
    this.logger.log({
      msg: 'bulk close of marked public reports',
      schoolId: dto.schoolId,
      closed: closed.length,
      skipped: skipped.length,
      requestId: caller.requestId,
    });
    return { closed, skipped, remaining };
  }

  // null: closed; else why not.
  private async closeOne(caller: Caller, c: TriageCandidate, reason: string): Promise<SkipReason | null> {
    try {
      await this.transitions.apply(caller, c.id, {
        type: 'CLOSE_AT_INTAKE',
        payload: { reason },
        expectedVersion: c.version,
      });
      return null;
    } catch (e) {
      if (!(e instanceof CaseException)) throw e;
      return e.code === CaseExceptionCode.STALE_VERSION ? 'changed_meanwhile' : 'refused';
    }
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEntity, CaseService, TransitionHooks, TransitionStep } from '@dh/cases';
import { DeadlineService, SCHOOL_VIOLENCE_FAMILY } from '@dh/escalations';

// The school-violence family notice (Decree 80/2017) as the case's own events see it: a concern of kind
// school_violence records the incident and starts the clock; a family notification recorded on the concern
// answers it, as a family contact does (CaseRecordsService). In the transition's transaction.
@Injectable()
export class SchoolViolenceNotice implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly cases: CaseService,
    private readonly deadlines: DeadlineService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({ events: ['RAISE_PROTECTION_CONCERN'], record: (s) => this.recordConcern(s) });
    this.hooks.register({ events: ['RECORD_PROTECTION_NOTIFICATION'], record: (s) => this.recordNotification(s) });
  }

  private async recordConcern({
    tx,
    row,
    payload,
    at,
  }: TransitionStep<'RAISE_PROTECTION_CONCERN'>): Promise<Record<string, unknown>> {
    if (payload.kind !== 'school_violence') return {};
    if (!row.schoolViolence) {
      row.schoolViolence = true;
      await tx.getRepository(CaseEntity).update({ id: row.id }, { schoolViolence: true });
    }
    // From when the school heard of it (the concern's receivedAt), like the concern's own clock.
    const learnedAt = payload.receivedAt !== undefined ? new Date(payload.receivedAt) : at;
    const opened = await this.deadlines.openEventClock(
      tx,
      this.cases.clockOf(row),
      SCHOOL_VIOLENCE_FAMILY,
      at,
      learnedAt,
    );
    return opened ? { openedDeadline: SCHOOL_VIOLENCE_FAMILY.kind } : {};
  }

  private async recordNotification({
    tx,
    row,
    payload,
    at,
  }: TransitionStep<'RECORD_PROTECTION_NOTIFICATION'>): Promise<Record<string, unknown>> {
    if (payload.recipient !== 'gia_dinh') return {};
    return this.answerFamilyNotice(tx, row.id, new Date(payload.notifiedAt), at);
  }

  // What the trail of the answering event says: the clock it closed, if one was open.
  async answerFamilyNotice(
    tx: EntityManager,
    caseId: string,
    doneAt: Date,
    now: Date,
  ): Promise<{ closedDeadline?: string }> {
    const closed = await this.deadlines.closeAnsweredBy(tx, caseId, SCHOOL_VIOLENCE_FAMILY.kind, doneAt, now);
    return closed ? { closedDeadline: SCHOOL_VIOLENCE_FAMILY.kind } : {};
  }
}

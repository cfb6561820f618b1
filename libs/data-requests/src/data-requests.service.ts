import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { DeadlineService } from '@dh/escalations';
import { Action, assertAllowed, Caller, schoolsFor } from '@dh/identity';
import { DATA_REQUEST_CONTEXT } from './data-request-sealed';
import { DataRequest, DataRequestKind, DataRequestOutcome, DataRequestStatus } from './data-request.entity';
import { DataRequestException, DataRequestExceptionCode } from './data-request.exception';
import { CreateDataRequestDto, DataRequestViewDto } from './dtos/data-request.dto';

const KIND_LABELS: Record<DataRequestKind, { vi: string; en: string }> = {
  access: { vi: 'Trả lời yêu cầu truy cập dữ liệu', en: 'Answer a data access request' },
  rectify: { vi: 'Trả lời yêu cầu chỉnh sửa dữ liệu', en: 'Answer a rectification request' },
  erase: { vi: 'Trả lời yêu cầu xóa dữ liệu', en: 'Answer an erasure request' },
  restrict: { vi: 'Trả lời yêu cầu hạn chế xử lý dữ liệu', en: 'Answer a restriction request' },
};

// Each request's clock is a school clock of its own kind, so answering one closes it alone.
const clockKind = (id: string) => `data_request:${id}`;

// A learner's or guardian's request: recorded with its own clock on the working-day calendar (the time limit in
// one place: DATA_REQUEST_WORKING_DAYS), reminding and then escalating to the principal like a case's clock, and
// closed by its answer.
@Injectable()
export class DataRequestsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
    private readonly deadlines: DeadlineService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(caller: Caller, dto: CreateDataRequestDto): Promise<DataRequestViewDto> {
    return inTransaction(this.source, async (tx) => {
      const [learner]: { school_id: string }[] = await tx.query(`SELECT school_id FROM learner WHERE id = $1`, [
        dto.learnerId,
      ]);
      assertAllowed(caller, 'privacy.request', learner?.school_id ?? undefined, learnerNotFound);
      if (!learner) throw learnerNotFound();
      const now = this.clock.now();
      const receivedAt = new Date(dto.receivedAt);
      if (receivedAt.getTime() > now.getTime())
        throw new InputValidationException([
          { field: 'receivedAt', problems: ['Không được sau thời điểm hiện tại / must not be in the future'] },
        ]);
      const due = { workingDays: this.config.dataRequestWorkingDays };
      const row: DataRequest = {
        id: randomUUID(),
        schoolId: learner.school_id,
        learnerId: dto.learnerId,
        kind: dto.kind,
        requestedBy: this.cipher.seal(dto.requestedBy.trim(), DATA_REQUEST_CONTEXT.requestedBy),
        relationship: dto.relationship.trim(),
        details: dto.details?.trim() ? this.cipher.seal(dto.details.trim(), DATA_REQUEST_CONTEXT.details) : null,
        receivedAt,
        recordedBy: caller.id,
        recordedAt: now,
        dueAt: this.deadlines.dueAfter(receivedAt, due),
        status: 'open',
        answeredBy: null,
        answeredAt: null,
        outcome: null,
      };
      await tx.getRepository(DataRequest).insert(row);
      await this.deadlines.open(tx, {
        schoolId: row.schoolId,
        caseId: null,
        kind: clockKind(row.id),
        label: KIND_LABELS[row.kind].vi,
        labelEn: KIND_LABELS[row.kind].en,
        state: null,
        startedAt: receivedAt,
        recordedAt: now,
        dueAt: row.dueAt,
        due,
        escalateTo: ['principal'],
        repeatDays: null,
      });
      return this.view(row);
    });
  }

  async list(caller: Caller, schoolId?: string): Promise<{ items: DataRequestViewDto[] }> {
    if (schoolId) assertAllowed(caller, 'privacy.request', schoolId, learnerNotFound);
    const schools = schoolId ? [schoolId] : schoolsFor(caller, 'privacy.request');
    const rows = await this.source
      .getRepository(DataRequest)
      .createQueryBuilder('r')
      .where('r.school_id = ANY(:schools)', { schools })
      .orderBy('r.received_at', 'DESC')
      .getMany();
    return { items: await Promise.all(rows.map((r) => this.view(r))) };
  }

  async get(caller: Caller, id: string): Promise<DataRequestViewDto> {
    return this.view(await this.load(this.source.manager, caller, id, 'privacy.request'));
  }

  // The request, if the caller may `action` on it (404 beyond their schools, 403 within them), locked for an answer.
  async load(tx: EntityManager, caller: Caller, id: string, action: Action, lock = false): Promise<DataRequest> {
    const row = await tx
      .getRepository(DataRequest)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    assertAllowed(caller, action, row?.schoolId ?? undefined, requestNotFound);
    if (!row) throw requestNotFound();
    return row;
  }

  // An open request of this kind, locked, for its answer.
  async openOfKind(tx: EntityManager, caller: Caller, id: string, kinds: DataRequestKind[]): Promise<DataRequest> {
    const row = await this.load(tx, caller, id, 'privacy.answer', true);
    if (!kinds.includes(row.kind)) throw new DataRequestException(DataRequestExceptionCode.WRONG_KIND);
    return row;
  }

  // Stores the answer and stops the clock; a later answer to the same request (a second correction) adds to it.
  async answer(
    tx: EntityManager,
    caller: Caller,
    row: DataRequest,
    status: Exclude<DataRequestStatus, 'open'>,
    outcome: DataRequestOutcome,
  ): Promise<DataRequest> {
    const now = this.clock.now();
    const merged: DataRequestOutcome = { ...row.outcome, ...outcome };
    if (row.outcome?.rectified && outcome.rectified)
      merged.rectified = [...row.outcome.rectified, ...outcome.rectified];
    const answered = { status, outcome: merged, answeredBy: caller.id, answeredAt: row.answeredAt ?? now };
    await tx.getRepository(DataRequest).update({ id: row.id }, answered);
    if (row.status === 'open') await this.deadlines.closeSchoolClocks(tx, row.schoolId, clockKind(row.id), now);
    return { ...row, ...answered };
  }

  // One query per request for the learner's name: a school receives a handful of requests a year.
  async view(r: DataRequest): Promise<DataRequestViewDto> {
    const [learner]: { full_name: string }[] = await this.source.query(`SELECT full_name FROM learner WHERE id = $1`, [
      r.learnerId,
    ]);
    return {
      id: r.id,
      schoolId: r.schoolId,
      learnerId: r.learnerId,
      learnerName: learner?.full_name ?? null,
      kind: r.kind,
      requestedBy: await this.cipher.open(r.requestedBy, DATA_REQUEST_CONTEXT.requestedBy),
      relationship: r.relationship,
      details: r.details === null ? null : await this.cipher.open(r.details, DATA_REQUEST_CONTEXT.details),
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      remainingWorkingMs: r.status === 'open' ? this.deadlines.workingMsLeft(r.dueAt, this.clock.now()) : null,
      status: r.status,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      outcome: r.outcome,
    };
  }
}

const learnerNotFound = () => new DataRequestException(DataRequestExceptionCode.LEARNER_NOT_FOUND);
const requestNotFound = () => new DataRequestException(DataRequestExceptionCode.DATA_REQUEST_NOT_FOUND);

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import canonicalize from 'canonicalize';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { FieldCipher } from '@dh/crypto';
import { inTransaction, mapUniqueViolation } from '@dh/database';
import { DeadlineService } from '@dh/escalations';
import { actorIn, Caller, primaryRole } from '@dh/identity';
import { loadCase } from '@dh/machines/case/engine';
import { isMachineVersion } from '@dh/machines/case/registry';
import type { CaseEventType, CheckResult } from '@dh/machines/case/types';
import { CaseService } from './case.service';
import { CaseView } from './case-view';
import { CaseException, CaseExceptionCode } from './case.exception';
import { validateEventPayload } from './dtos/event-payloads';
import { IdempotencyKey } from './idempotency-key.entity';
import { areasAfter } from './ranked-areas';
import { TransitionHooks } from './transition-hooks';

export type CaseEventRequest = { type: CaseEventType; payload: Record<string, unknown>; expectedVersion: number };

@Injectable()
export class CaseTransitionService {
  private readonly logger = new Logger(CaseTransitionService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly audit: AuditService,
    private readonly deadlines: DeadlineService,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly hooks: TransitionHooks,
  ) {}

  // One event, one transaction: lock, check, prepare, step, record, write with the append, deadlines, commit. Any throw rolls
  // all of it back. What features keep for an event (their rows, their columns of the case, their alerts) is theirs,
  // through TransitionHooks; this service knows only the machine, the case row, the trail and the clocks.
  async apply(caller: Caller, caseId: string, request: CaseEventRequest, idempotencyKey?: string): Promise<CaseView> {
    const validated = validateEventPayload(request.type, request.payload);
    // Only a request that may be retried is kept, as its digest.
    const requestHash = idempotencyKey ? this.cipher.digest(canonicalRequest(caseId, request)) : '';
    return inTransaction(this.source, (tx) =>
      this.step(tx, caller, caseId, request, validated, idempotencyKey, requestHash),
    );
  }

  // The same step inside the caller's transaction, for a writer whose own change must stand or fall with it (a
  // school transfer's new assignee). No idempotency key: the writer's transaction is the unit a retry repeats.
  async applyWithin(tx: EntityManager, caller: Caller, caseId: string, request: CaseEventRequest): Promise<CaseView> {
    return this.step(tx, caller, caseId, request, validateEventPayload(request.type, request.payload), undefined, '');
  }

  private async step(
    tx: EntityManager,
    caller: Caller,
    caseId: string,
    request: CaseEventRequest,
    validated: ReturnType<typeof validateEventPayload>,
    idempotencyKey: string | undefined,
    requestHash: string,
  ): Promise<CaseView> {
    const { row, facts } = await this.cases.lockVisible(caller, caseId, tx, 'case.event');
    if (idempotencyKey) {
      const earlier = await this.earlierAnswer(tx, caller.id, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    if (request.expectedVersion !== row.version) {
      throw new CaseException(CaseExceptionCode.STALE_VERSION, {
        currentVersion: row.version,
        expectedVersion: request.expectedVersion,
      });
    }
    if (!isMachineVersion(row.machineVersion))
      throw new Error(`case ${row.id} runs unknown machine ${row.machineVersion}`);

    const now = this.clock.now();
    const fromState = row.state;
    const step = { tx, caller, type: request.type, fromState, fromRisk: row.riskLevel, at: now };
    const actor = actorIn(caller, row.schoolId);
    // One restore of the stored snapshot answers the check, the step and the leaves it leaves.
    const loaded = loadCase(row.machineVersion, row.snapshot);
    // Check, then prepare, then step: the hooks only read the database for an event the machine takes here from this caller.
    const checked = loaded.check(request.type, actor);
    if (!checked.ok) throw refusalOf(checked, row.state);
    const payload = await this.hooks.prepare({ ...step, row, payload: validated });
    const result = loaded.step({ type: request.type, actor, payload });
    if (!result.ok) throw refusalOf(result, row.state);

    row.state = result.state;
    row.snapshot = result.snapshot;
    row.assigneeId = result.context.assigneeId;
    row.riskLevel = result.context.riskLevel;
    row.areas = areasAfter(request.type, payload, row.areas);
    Object.assign(row, await this.hooks.beforeWrite({ ...step, row, payload }));
    row.version += 1;
    row.updatedAt = now;
    const recorded = await this.hooks.record({ ...step, row, payload });
    // The case row is written by the event's own statement: the row and its trail move together, in one round trip.
    await this.audit.appendAfter(
      tx,
      {
        caseId: row.id,
        schoolId: row.schoolId,
        type: request.type,
        fromState,
        toState: row.state,
        actorId: caller.id,
        actorRole: primaryRole(actor.roles),
        payload: { ...payload, ...recorded },
        requestId: caller.requestId,
        at: now,
      },
      { seq: row.auditHeadSeq, hash: row.auditHeadHash },
      {
        state: row.state,
        snapshot: JSON.stringify(row.snapshot),
        assignee_id: row.assigneeId,
        risk_level: row.riskLevel,
        risk_rationale: row.riskRationale,
        areas: JSON.stringify(row.areas),
        referred_to_ward_at: row.referredToWardAt,
        version: row.version,
        updated_at: now,
      },
    );
    // What the event brings may have reached the school before it was recorded (a concern's receivedAt): the
    // clocks it opens count from then.
    const learnedAt = typeof payload.receivedAt === 'string' ? new Date(payload.receivedAt) : now;
    await this.deadlines.moveLeaves(tx, this.cases.clockOf(row), loaded.leaves(), result.leaves, now, learnedAt);
    if (row.riskLevel !== step.fromRisk) {
      await this.deadlines.tightenForRisk(tx, this.cases.clockOf(row), result.leaves);
    }
    const view = await this.cases.view(row, caller, tx, false, result.after, facts);
    if (idempotencyKey) {
      // The same key raced on another case: that request owns it.
      await mapUniqueViolation(
        tx.getRepository(IdempotencyKey).insert({
          userId: caller.id,
          key: idempotencyKey,
          caseId: row.id,
          requestHash,
          response: view,
          createdAt: now,
        }),
        'idempotency_key_pkey',
        () => new CaseException(CaseExceptionCode.IDEMPOTENCY_KEY_REUSED),
      );
    }
    this.logger.log({
      msg: 'case transition',
      caseId: row.id,
      type: request.type,
      fromState,
      toState: row.state,
      requestId: caller.requestId,
    });
    return view;
  }

  // A retry with the same key returns the first answer; the same key for another request is refused.
  private async earlierAnswer(
    tx: EntityManager,
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<CaseView | null> {
    const earlier = await tx.getRepository(IdempotencyKey).findOneBy({ userId, key });
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) throw new CaseException(CaseExceptionCode.IDEMPOTENCY_KEY_REUSED);
    return earlier.response;
  }
}

// A state that does not take the event is a conflict with the case as it stands (409); a rule of the machine is a refusal (422).
const refusalOf = (result: Extract<CheckResult, { ok: false }>, state: string): CaseException => {
  if (result.kind === 'not_allowed')
    return new CaseException(CaseExceptionCode.EVENT_NOT_ALLOWED, { state, allowedEvents: result.allowedEvents });
  const { reason, message, messageEn, fields } = result.refusal;
  return new CaseException(CaseExceptionCode.GUARD_REFUSED, { reason, ...(fields ? { fields } : {}) }, [
    message,
    messageEn,
  ]);
};

// The request as a retry must repeat it; stored only as a keyed digest, since the payload holds what counsellors write.
const canonicalRequest = (caseId: string, request: CaseEventRequest): string =>
  canonicalize({ caseId, type: request.type, payload: request.payload, expectedVersion: request.expectedVersion }) ??
  '';

import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransitionHooks, TransitionStep } from '@dh/cases';
import { caseScope, FieldCipher } from '@dh/crypto';
import { AssessmentRecord } from '../assessments/assessment-record.entity';
import { ClosureEvent, ClosureRecord } from '../closures/closure-record.entity';
import { SupportPlan } from '../plans/support-plan.entity';
import { recordOf } from './case-record-base';
import { sealColumns } from './sealed-columns';

const CLOSURE_EVENTS: ClosureEvent[] = ['PROPOSE_CLOSURE', 'CLOSE', 'CLOSE_AT_INTAKE'];

// The stage events that carry content keep it in their own table, written by the transition's `record` phase:
// inside its transaction, after the machine accepted the event, so a refused event leaves no row. The row's id
// joins the event's payload in the trail.
@Injectable()
export class StageRecordsHook implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly cipher: FieldCipher,
  ) {}

  onModuleInit(): void {
    this.hooks.register({ events: ['COMPLETE_ASSESSMENT'], record: (s) => this.assessment(s) });
    this.hooks.register({ events: ['SUBMIT_PLAN', 'REVISE_PLAN'], record: (s) => this.plan(s) });
    this.hooks.register({ events: CLOSURE_EVENTS, record: (s) => this.closure(s) });
  }

  private async assessment({
    tx,
    caller,
    row,
    payload,
    at,
  }: TransitionStep<'COMPLETE_ASSESSMENT'>): Promise<Record<string, unknown>> {
    const record = tx.getRepository(AssessmentRecord).create({
      ...recordOf(caller.id, row, at),
      riskLevel: payload.riskLevel,
      areas: payload.areas?.map(({ code, priority }) => ({ code, priority })) ?? null,
      ...sealColumns(await this.cipher.sealer(tx, caseScope(row.id)), 'assessment_record', payload),
    });
    await tx.getRepository(AssessmentRecord).insert(record);
    return { assessmentId: record.id };
  }

  // Revisions are numbered per case; the transition holds the case row's lock, so two never take one number.
  private async plan(step: TransitionStep<'SUBMIT_PLAN' | 'REVISE_PLAN'>): Promise<Record<string, unknown>> {
    const { tx, caller, row, type, payload, at } = step;
    const [{ last }] = await tx.query(
      `SELECT coalesce(max(revision), 0) AS last FROM support_plan WHERE case_id = $1`,
      [row.id],
    );
    const record = tx.getRepository(SupportPlan).create({
      ...recordOf(caller.id, row, at),
      revision: Number(last) + 1,
      event: type,
      responsible: payload.responsible,
      reviewDate: payload.reviewDate,
      form: payload.form ?? null,
      endDate: payload.endDate ?? null,
      ...sealColumns(await this.cipher.sealer(tx, caseScope(row.id)), 'support_plan', {
        ...payload,
        revisionReason: step.type === 'REVISE_PLAN' ? step.payload.reason : undefined,
      }),
    });
    await tx.getRepository(SupportPlan).insert(record);
    return { planId: record.id, planRevision: record.revision };
  }

  private async closure({
    tx,
    caller,
    row,
    type,
    payload,
    at,
  }: TransitionStep<ClosureEvent>): Promise<Record<string, unknown>> {
    const record = tx.getRepository(ClosureRecord).create({
      ...recordOf(caller.id, row, at),
      event: type,
      ...sealColumns(await this.cipher.sealer(tx, caseScope(row.id)), 'closure_record', payload),
    });
    await tx.getRepository(ClosureRecord).insert(record);
    return { closureId: record.id };
  }
}

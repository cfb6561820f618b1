import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditEvent } from '@dh/audit';
import { FieldCipher } from '@dh/crypto';
import { SupportPlan, sealedFieldNames, toRecordView } from '@dh/records';
import { PlanApproval } from '../form-keys';
import { FormValues } from '../form-template';
import { CaseValues } from './case-values';
import { FormLoader, FormRequest, LoadedForm, recordKind, shownOr } from './form-loader';

const PLAN_EVENTS = ['SUBMIT_PLAN', 'REVISE_PLAN', 'APPROVE_PLAN', 'RETURN_PLAN'];

// One item a line, numbered, starting under the label: a plan's goals, activities and partners are lists.
const numberedLines = (v: unknown): string | null =>
  Array.isArray(v) && v.length ? `\n${v.map((item, i) => `${i + 1}. ${String(item)}`).join('\n')}` : null;

// Kế hoạch hỗ trợ: the case's current plan (its highest revision) as submitted, and where its approval stands.
// A case without a plan prints the learner, the rest blank for a plan drawn up on paper.
@Injectable()
export class PlanFormLoader implements FormLoader {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async load({ tx, row, reveal }: FormRequest): Promise<LoadedForm> {
    const { values: learnerValues } = await this.cases.learner(tx, row);
    const plan = await tx
      .getRepository(SupportPlan)
      .findOne({ where: { caseId: row.id }, order: { revision: 'DESC' } });
    if (!plan) return { values: learnerValues, exported: [] };
    const p = await toRecordView(this.cipher, 'support_plan', plan, reveal);
    const approval = await this.approval(tx, row.id);
    const values: FormValues = {
      ...learnerValues,
      'plan.revision': String(plan.revision),
      'plan.revisionReason': shownOr(p, 'revisionReason', p.revisionReason),
      goals: shownOr(p, 'goals', numberedLines(p.goals)),
      activities: shownOr(p, 'activities', numberedLines(p.activities)),
      form: plan.form,
      partners: shownOr(p, 'partners', numberedLines(p.partners)),
      resources: shownOr(p, 'resources', p.resources),
      timeAndPlace: shownOr(p, 'timeAndPlace', p.timeAndPlace),
      responsible: plan.responsible,
      endDate: plan.endDate,
      reviewDate: plan.reviewDate,
      submittedAt: this.cases.date(plan.recordedAt),
      approval: approval.status,
      approvedAt: approval.approvedAt ? this.cases.date(approval.approvedAt) : null,
      'practitioner.name': await this.cases.userName(tx, plan.recordedBy),
      'approver.name': await this.cases.userName(tx, approval.approvedBy),
    };
    const exported = await sealedFieldNames(this.cipher, [{ kind: recordKind('support_plan'), rows: [plan] }]);
    return { values, exported };
  }

  // The latest plan event says where the plan stands: a submission that went straight to monitoring needed no
  // approval (low or medium risk); one that did not awaits a supervisor.
  private async approval(
    tx: FormRequest['tx'],
    caseId: string,
  ): Promise<{ status: PlanApproval; approvedBy: string | null; approvedAt: Date | null }> {
    const last = await tx
      .getRepository(AuditEvent)
      .findOne({ where: { caseId, type: In(PLAN_EVENTS) }, order: { seq: 'DESC' } });
    if (last?.type === 'APPROVE_PLAN') return { status: 'approved', approvedBy: last.actorId, approvedAt: last.at };
    if (last?.type === 'RETURN_PLAN') return { status: 'returned', approvedBy: null, approvedAt: null };
    const applied = last?.type === 'SUBMIT_PLAN' && /monitoring$/.test(last.toState ?? '');
    return { status: applied ? 'not_required' : 'pending', approvedBy: null, approvedAt: null };
  }
}

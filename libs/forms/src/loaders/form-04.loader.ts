import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditEvent } from '@dh/audit';
import { FieldCipher } from '@dh/crypto';
import { ClosureRecord, sealedFieldNames, toRecordView } from '@dh/records';
import { FormValues } from '../form-template';
import { carerOf, CaseValues } from './case-values';
import { CONFIDENTIAL, FormLoader, FormRequest, LoadedForm, recordKind, shownOr } from './form-loader';

// Mẫu 04, the closure slip: when support started and ended, what it achieved and did not, why it ended, the
// follow-up, the learner's carer, and the supervisor who approved the closure, where one did.
@Injectable()
export class Form04Loader implements FormLoader {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async load({ tx, row, reveal }: FormRequest): Promise<LoadedForm> {
    const { learner, values: learnerValues } = await this.cases.learner(tx, row);
    const guardians = await this.cases.guardians(learner, reveal);
    // The latest closure proposed or made (a rejected proposal is followed by a later one).
    const closure = await tx.getRepository(ClosureRecord).findOne({
      where: { caseId: row.id, event: In(['PROPOSE_CLOSURE', 'CLOSE']) },
      order: { recordedAt: 'DESC', id: 'DESC' },
    });
    const c = closure ? await toRecordView(this.cipher, 'closure_record', closure, reveal) : null;
    const carer = guardians ? carerOf(guardians) : undefined;
    const family = (value: string | number | undefined): string | null =>
      guardians === null ? CONFIDENTIAL : value === undefined ? null : String(value);
    const closing = await this.closingEvent(tx, row.id);
    const values: FormValues = {
      ...learnerValues,
      startDate: this.cases.date(row.createdAt),
      closedAt: closing ? this.cases.date(closing.at) : null,
      outcome: shownOr(c, 'outcome', c?.outcome),
      'results.achieved': shownOr(c, 'resultsAchieved', c?.resultsAchieved),
      'results.notAchieved': shownOr(c, 'resultsNotAchieved', c?.resultsNotAchieved),
      reason: shownOr(c, 'reason', c?.reason),
      followUpPlan: shownOr(c, 'followUpPlan', c?.followUpPlan),
      'carer.name': family(carer?.fullName),
      'carer.relationship': family(carer?.relationship),
      'carer.yearOfBirth': family(carer?.yearOfBirth),
      'carer.phone': family(carer?.phone),
      'practitioner.name': await this.cases.userName(tx, row.assigneeId),
      'approver.name': closing && isApproval(closing) ? await this.cases.userName(tx, closing.actorId) : null,
    };
    const records = await sealedFieldNames(this.cipher, [
      { kind: recordKind('closure_record'), rows: closure ? [closure] : [] },
    ]);
    return { values, exported: [...records, ...(carer ? ['learner.guardians'] : [])] };
  }

  // The event by which the case last entered `closed` (directly, or when a supervisor approved the closure).
  private async closingEvent(tx: FormRequest['tx'], caseId: string): Promise<AuditEvent | null> {
    return tx
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.case_id = :caseId', { caseId })
      .andWhere(`e.to_state LIKE 'closed%'`)
      .andWhere(`(e.from_state IS NULL OR e.from_state NOT LIKE 'closed%')`)
      .orderBy('e.seq', 'DESC')
      .getOne();
  }
}

// Whoever approved the closure signs as approver: the closing event is an approval (APPROVE_CLOSURE, or any
// other approval a closing path goes through), or a supervisor closing at intake (the only way a high or critical
// case closes there), never a closure made by the practitioner alone.
const isApproval = (e: AuditEvent): boolean =>
  e.actorId !== null &&
  (e.type.startsWith('APPROVE_') || (e.type === 'CLOSE_AT_INTAKE' && e.actorRole === 'supervisor'));

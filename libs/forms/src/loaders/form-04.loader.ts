import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditEvent } from '@dh/audit';
import { FieldCipher } from '@dh/crypto';
import { ClosureRecord, sealedFieldNames, toRecordView } from '@dh/records';
import { FormValues } from '../form-template';
import { CaseValues } from './case-values';
import { CONFIDENTIAL, FormLoader, FormRequest, LoadedForm, recordKind, shownOr } from './form-loader';

// Mẫu 04, the closure slip: when support started and ended, what it achieved and did not, why it ended, the
// follow-up, and the learner's carer.
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
    const closure = await tx.getRepository(ClosureRecord).findOne({ where: { caseId: row.id, event: In(['PROPOSE_CLOSURE', 'CLOSE']) }, order: { recordedAt: 'DESC', id: 'DESC' } });
    const c = closure ? await toRecordView(this.cipher, 'closure_record', closure, reveal) : null;
    // The carer: the first of the learner's family as recorded (the one the school contacts).
    const carer = guardians?.[0];
    const family = (value: string | undefined): string | null => (guardians === null ? CONFIDENTIAL : (value ?? null));
    const values: FormValues = {
      ...learnerValues,
      startDate: this.cases.date(row.createdAt),
      closedAt: await this.closedOn(tx, row.id),
      outcome: shownOr(c, 'outcome', c?.outcome),
      'results.achieved': shownOr(c, 'resultsAchieved', c?.resultsAchieved),
      'results.notAchieved': shownOr(c, 'resultsNotAchieved', c?.resultsNotAchieved),
      reason: shownOr(c, 'reason', c?.reason),
      followUpPlan: shownOr(c, 'followUpPlan', c?.followUpPlan),
      'carer.name': family(carer?.fullName),
      'carer.relationship': family(carer?.relationship),
      'carer.phone': family(carer?.phone),
      'practitioner.name': await this.cases.userName(tx, row.assigneeId),
    };
    const records = await sealedFieldNames(this.cipher, [{ kind: recordKind('closure_record'), rows: closure ? [closure] : [] }]);
    return { values, exported: [...records, ...(carer ? ['learner.guardians'] : [])] };
  }

  // The day the case last entered `closed` (directly, or when the supervisor approved the closure).
  private async closedOn(tx: FormRequest['tx'], caseId: string): Promise<string | null> {
    const entered = await tx.getRepository(AuditEvent).createQueryBuilder('e')
      .where('e.case_id = :caseId', { caseId })
      .andWhere(`e.to_state LIKE 'closed%'`)
      .andWhere(`(e.from_state IS NULL OR e.from_state NOT LIKE 'closed%')`)
      .orderBy('e.seq', 'DESC').getOne();
    return entered ? this.cases.date(entered.at) : null;
  }
}

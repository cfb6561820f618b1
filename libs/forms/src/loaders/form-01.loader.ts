import { Injectable } from '@nestjs/common';
import { CaseReporter, SEALED_CONTEXT } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';
import { FormValues } from '../form-template';
import { CaseValues } from './case-values';
import { CONFIDENTIAL, FormLoader, FormRequest, LoadedForm } from './form-loader';

const ANONYMOUS = 'Ẩn danh';

// Mẫu 01, the intake slip: the case as it was received, with the family as recorded on the learner and the
// narrative of the intake (family circumstances, actions already taken).
@Injectable()
export class Form01Loader implements FormLoader {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async load({ tx, row, reveal, mayReadReporter }: FormRequest): Promise<LoadedForm> {
    const { learner, values: learnerValues } = await this.cases.learner(tx, row);
    const guardians = await this.cases.guardians(learner, reveal);
    const opening = await this.cases.opening(tx, row);
    const reporter = await this.reporter(tx, row.id, mayReadReporter);
    const narrative = await this.cases.narrative(row, reveal);
    const values: FormValues = {
      ...learnerValues,
      ...this.cases.parents(guardians, row),
      'family.circumstances': narrative.values.familyCircumstances ?? null,
      carer: this.cases.carerLine(guardians),
      receivedAt: this.cases.dateTime(row.receivedAt),
      channel: row.channel,
      // As received: the areas and the risk level of the opening, not today's.
      areas: ((opening.areas as typeof row.areas | undefined) ?? row.areas).map((a) => a.code),
      riskLevel: typeof opening.riskLevel === 'string' ? opening.riskLevel : row.riskLevel,
      summary: reveal ? await this.cipher.open(row.summary, SEALED_CONTEXT.summary) : CONFIDENTIAL,
      actionsTaken: narrative.values.actionsTaken ?? null,
      ...(reporter?.values ?? {}),
      'receiver.name': await this.cases.userName(tx, row.openedBy),
    };
    const exported = [
      'summary',
      ...narrative.exported,
      ...(guardians?.length ? ['learner.guardians'] : []),
      ...(reporter?.opened ? ['reporter'] : []),
    ];
    return { values, exported };
  }

  // Named only if the reporter agreed to be (not anonymous), and only for those who may read who reported; any
  // other reader sees that a reporter was recorded ("(Nội dung bảo mật)"), not who, and nothing sealed is opened.
  private async reporter(
    tx: FormRequest['tx'],
    caseId: string,
    mayRead: boolean,
  ): Promise<{ values: FormValues; opened: boolean } | null> {
    const r = await tx.getRepository(CaseReporter).findOneBy({ caseId });
    if (!r) return null;
    if (!mayRead) {
      const sealed = (field: 'phone' | 'relationship') => (r[field] === null ? null : CONFIDENTIAL);
      return {
        values: {
          'reporter.name': CONFIDENTIAL,
          'reporter.relationship': sealed('relationship'),
          'reporter.phone': sealed('phone'),
        },
        opened: false,
      };
    }
    const open = (field: 'name' | 'phone' | 'relationship') =>
      r[field] === null ? Promise.resolve(null) : this.cipher.open(r[field], SEALED_CONTEXT.reporter(field));
    return {
      opened: true,
      values: {
        'reporter.name': r.anonymous ? ANONYMOUS : await open('name'),
        'reporter.relationship': await open('relationship'),
        'reporter.phone': r.anonymous ? null : await open('phone'),
      },
    };
  }
}

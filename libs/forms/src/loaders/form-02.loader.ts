import { Injectable } from '@nestjs/common';
import { AREA_CODES } from '@dh/cases';
import { FormValues } from '../form-template';
import { CaseValues } from './case-values';
import { FormLoader, FormRequest, LoadedForm } from './form-loader';

// Mẫu 02, the session log: the learner, the seven areas with the case's ranking, the assessment, the sessions.
@Injectable()
export class Form02Loader implements FormLoader {
  constructor(private readonly cases: CaseValues) {}

  async load({ tx, row }: FormRequest): Promise<LoadedForm> {
    const { learner, values: learnerValues } = await this.cases.learner(tx, row);
    const guardians = await this.cases.guardians(learner);
    const rank = new Map(row.areas.map((a) => [a.code as string, a.priority]));
    const values: FormValues = {
      ...learnerValues,
      ...this.cases.parents(guardians),
      // All seven, as the paper form lists them; the case's ranking beside those it has.
      'areas.ranked': AREA_CODES.map((code) => ({ area: code, priority: rank.has(code) ? String(rank.get(code)) : null })),
      riskLevel: row.riskLevel,
      'practitioner.name': await this.cases.userName(tx, row.assigneeId),
    };
    return { values, exported: guardians.length ? ['learner.guardians'] : [] };
  }
}

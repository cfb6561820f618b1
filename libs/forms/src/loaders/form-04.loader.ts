import { Injectable } from '@nestjs/common';
import { FormValues } from '../form-template';
import { CaseValues } from './case-values';
import { FormLoader, FormRequest, LoadedForm } from './form-loader';

// Mẫu 04, the closure slip: when support started and ended, what it achieved, the follow-up and the carer.
@Injectable()
export class Form04Loader implements FormLoader {
  constructor(private readonly cases: CaseValues) {}

  async load({ tx, row }: FormRequest): Promise<LoadedForm> {
    const { values: learnerValues } = await this.cases.learner(tx, row);
    const values: FormValues = {
      ...learnerValues,
      startDate: this.cases.date(row.createdAt),
      'practitioner.name': await this.cases.userName(tx, row.assigneeId),
    };
    return { values, exported: [] };
  }
}

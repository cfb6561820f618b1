import { Injectable } from '@nestjs/common';
import { FormValues } from '../form-template';
import { CaseValues } from './case-values';
import { FormLoader, FormRequest, LoadedForm } from './form-loader';

// Mẫu 03, the referral slip: one referral of the case (the latest, or the one asked for).
@Injectable()
export class Form03Loader implements FormLoader {
  constructor(private readonly cases: CaseValues) {}

  async load({ tx, row }: FormRequest): Promise<LoadedForm> {
    const { values: learnerValues } = await this.cases.learner(tx, row);
    const values: FormValues = { ...learnerValues, areas: row.areas.map((a) => a.code) };
    return { values, exported: [] };
  }
}

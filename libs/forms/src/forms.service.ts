import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity, CaseService, ConfidentialAccess } from '@dh/cases';
import { inTransaction } from '@dh/database';
import { Caller, School, Ward } from '@dh/identity';
import { renderForm } from './form-renderer';
import { FormLetterhead, FormNumber } from './form-template';
import { FormTemplates } from './form-templates';
import { FormLoader } from './loaders/form-loader';
import { FORM_LOADERS } from './loaders/form-loaders';

export type GeneratedForm = { file: Buffer; fileName: string; form: FormNumber; version: number };

// A form prints the case's confidential content for those who may read it; every other reader of the case (an
// inspector, a principal without a grant) gets the same form with "(Nội dung bảo mật)" where something was
// written, nothing sealed opened. Each generation is an event of the case's chain (FORM_GENERATED: which form,
// which version, what confidential content it printed, if any) in the transaction that read the case: no
// document leaves without its trace.
@Injectable()
export class FormsService {
  private readonly logger = new Logger(FormsService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly templates: FormTemplates,
    @Inject(FORM_LOADERS) private readonly loaders: Record<FormNumber, FormLoader>,
    private readonly cases: CaseService,
    private readonly confidential: ConfidentialAccess,
  ) {}

  generate(caller: Caller, caseId: string, form: FormNumber, options: { referralId?: string } = {}): Promise<GeneratedForm> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, false, 'case.forms');
      const reveal = await this.confidential.mayRead(tx, caller, row);
      const template = this.templates.get(form);
      const mayReadReporter = reveal && (await this.confidential.mayReadReporter(tx, caller, row));
      const { values, exported } = await this.loaders[form].load({ tx, caller, row, referralId: options.referralId, reveal, mayReadReporter });
      const file = await renderForm(template, await this.letterhead(tx, row), values);
      await this.confidential.recordView(tx, caller, row, reveal ? [...new Set(exported)].sort() : [], {
        type: 'FORM_GENERATED', payload: { form, version: template.version, masked: !reveal },
      });
      this.logger.log({ msg: 'form generated', caseId: row.id, form, version: template.version, bytes: file.length });
      return { file, fileName: `Mau-${form}-${row.code}.docx`, form, version: template.version };
    });
  }

  private async letterhead(tx: EntityManager, row: CaseEntity): Promise<FormLetterhead> {
    const school = await tx.getRepository(School).findOneByOrFail({ id: row.schoolId });
    const ward = await tx.getRepository(Ward).findOneBy({ id: school.wardId });
    return { schoolName: school.name, wardName: ward?.name ?? null };
  }
}

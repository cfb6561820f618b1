import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity, CaseService, ConfidentialAccess } from '@dh/cases';
import { inTransaction } from '@dh/database';
import { Caller, School, Ward } from '@dh/identity';
import { FormFormat } from './form-format';
import { renderForm } from './form-renderer';
import { FormLetterhead, FormNumber } from './form-template';
import { FormTemplates } from './form-templates';
import { ATTACHMENTS_SECTION, FormAttachments } from './loaders/form-attachments';
import { FormLoader } from './loaders/form-loader';
import { FORM_LOADERS } from './loaders/form-loaders';
import { PdfConverter } from './pdf-converter';

export type GeneratedForm = { file: Buffer; fileName: string; form: FormNumber; version: number; format: FormFormat };
export type FormOptions = { referralId?: string; format?: FormFormat };

// A form prints the case's confidential content for those who may read it; every other reader of the case (an
// inspector, a principal without a grant) gets the same form with "(Nội dung bảo mật)" where something was
// written, nothing sealed opened. Each generation is an event of the case's chain (FORM_GENERATED: which form,
// which version, what confidential content it printed, if any) in the transaction that read the case: no
// document leaves without its trace. A PDF is the same .docx converted by LibreOffice after that transaction
// commits, so no database connection or lock waits on an office suite; a server without LibreOffice refuses
// before anything is recorded.
@Injectable()
export class FormsService {
  private readonly logger = new Logger(FormsService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly templates: FormTemplates,
    @Inject(FORM_LOADERS) private readonly loaders: Record<FormNumber, FormLoader>,
    private readonly cases: CaseService,
    private readonly confidential: ConfidentialAccess,
    private readonly pdf: PdfConverter,
    private readonly attachments: FormAttachments,
  ) {}

  async generate(caller: Caller, caseId: string, form: FormNumber, options: FormOptions = {}): Promise<GeneratedForm> {
    const format = options.format ?? 'docx';
    const docx = await this.docx(caller, caseId, form, options.referralId, format);
    if (format === 'docx') return docx;
    const file = await this.pdf.toPdf(docx.file);
    this.logger.log({ msg: 'form converted to pdf', caseId, form, bytes: file.length });
    return { ...docx, file, fileName: docx.fileName.replace(/\.docx$/, '.pdf') };
  }

  private docx(
    caller: Caller,
    caseId: string,
    form: FormNumber,
    referralId: string | undefined,
    format: FormFormat,
  ): Promise<GeneratedForm> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, false, 'case.forms');
      // Who may not print the case hears that first; who may, hears that this server cannot, and nothing is recorded.
      if (format === 'pdf') await this.pdf.ensureAvailable();
      const reveal = await this.confidential.mayRead(tx, caller, row);
      const template = this.templates.get(form);
      const mayReadReporter = reveal && (await this.confidential.mayReadReporter(tx, caller, row));
      const { values, exported } = await this.loaders[form].load({
        tx,
        caller,
        row,
        referralId,
        reveal,
        mayReadReporter,
      });
      const attachments = await this.attachments.rows(tx, row, reveal);
      const printed = attachments.length
        ? { ...template, sections: [...template.sections, ATTACHMENTS_SECTION] }
        : template;
      const file = await renderForm(printed, await this.letterhead(tx, row), { ...values, attachments });
      if (attachments.length) exported.push('attachments');
      await this.confidential.recordView(tx, caller, row, reveal ? [...new Set(exported)].sort() : [], {
        type: 'FORM_GENERATED',
        payload: { form, version: template.version, masked: !reveal, format },
      });
      this.logger.log({ msg: 'form generated', caseId: row.id, form, version: template.version, bytes: file.length });
      return { file, fileName: `Mau-${form}-${row.code}.docx`, form, version: template.version, format };
    });
  }

  private async letterhead(tx: EntityManager, row: CaseEntity): Promise<FormLetterhead> {
    const school = await tx.getRepository(School).findOneByOrFail({ id: row.schoolId });
    const ward = await tx.getRepository(Ward).findOneBy({ id: school.wardId });
    return { schoolName: school.name, wardName: ward?.name ?? null };
  }
}

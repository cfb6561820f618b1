import { Module } from '@nestjs/common';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { IdentityModule } from '@dh/identity';
import { FormTemplates } from './form-templates';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';
import { CaseValues } from './loaders/case-values';
import { FormAttachments } from './loaders/form-attachments';
import { PdfConverter } from './pdf-converter';
import { formLoaderProviders } from './loaders/form-loaders';

@Module({
  imports: [AuditModule, IdentityModule, CasesModule],
  controllers: [FormsController],
  providers: [FormTemplates, CaseValues, FormAttachments, ...formLoaderProviders, PdfConverter, FormsService],
  exports: [FormsService],
})
export class FormsModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { IdentityModule } from '@dh/identity';
import { loadFormTemplates } from './form-template-file';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';
import { FORM_TEMPLATES } from './forms.tokens';
import { CaseValues } from './loaders/case-values';
import { formLoaderProviders } from './loaders/form-loaders';

@Module({
  imports: [AuditModule, IdentityModule, CasesModule],
  controllers: [FormsController],
  providers: [
    // At start: a broken template stops it, naming the file and the field.
    { provide: FORM_TEMPLATES, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadFormTemplates(config.formsDir) },
    CaseValues,
    ...formLoaderProviders,
    FormsService,
  ],
  exports: [FormsService],
})
export class FormsModule {}

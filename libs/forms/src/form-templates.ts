import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FormNumber, FormTemplate } from './form-template';
import { loadFormTemplates } from './form-template-file';

// The checked templates, the highest version of each form, read once at start: a broken one stops the start
// (a ConfigError, exit 78 like a bad variable) with a message naming the file and the field.
@Injectable()
export class FormTemplates implements OnModuleInit {
  private templates = new Map<FormNumber, FormTemplate>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.templates = loadFormTemplates(this.config.formsDir);
  }

  get(form: FormNumber): FormTemplate {
    const template = this.templates.get(form);
    if (!template) throw new Error(`form ${form} asked for before the templates were loaded`);
    return template;
  }
}

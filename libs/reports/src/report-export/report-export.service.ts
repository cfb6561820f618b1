import { Inject, Injectable, OnModuleInit, StreamableFile } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { Caller } from '@dh/identity';
import { ReportService } from '../report/report.service';
import { renderReportDocx } from './report-docx';
import { EXPORT_TYPES, ExportFormat } from './report-document';
import { loadReportTemplate, ReportTemplate } from './report-template';
import { renderReportXlsx, renderWardXlsx } from './report-xlsx';
import { ExportTable, reportTables } from './report-tables';
import { PeriodKind, WardReportsService } from '../ward-reports/ward-reports.service';

// A report as the .docx and .xlsx the offices exchange, always as it leaves the school (small counts "<5").
@Injectable()
export class ReportExportService implements OnModuleInit {
  private template!: ReportTemplate;

  constructor(
    private readonly reports: ReportService,
    private readonly ward: WardReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Checked at start, like the forms' templates: a missing word stops the start, not a download.
  onModuleInit(): void {
    this.template = loadReportTemplate(this.config.reportTemplateFile);
  }

  // The figures as the exports print them, for a page to show what leaves the school.
  tablesOf(figures: Record<string, unknown> | null): ExportTable[] {
    return figures ? reportTables(figures, this.template) : [];
  }

  async tables(caller: Caller, id: string): Promise<ExportTable[]> {
    return this.tablesOf((await this.reports.exportDocument(caller, id)).figures);
  }

  async exportWard(caller: Caller, schoolYear: string, kind: PeriodKind): Promise<StreamableFile> {
    const doc = await this.ward.document(caller, schoolYear, kind);
    const out = new PassThrough();
    renderWardXlsx(doc, this.template, out).catch((e: unknown) => out.destroy(e as Error));
    return new StreamableFile(out, {
      type: EXPORT_TYPES.xlsx,
      disposition: `attachment; filename="tong-hop-${kind.replace('_', '-')}-${schoolYear}.xlsx"`,
    });
  }

  async export(caller: Caller, id: string, format: ExportFormat): Promise<StreamableFile> {
    const doc = await this.reports.exportDocument(caller, id);
    const fileName = `bao-cao-${doc.kind.replace('_', '-')}-${doc.schoolYear}.${format}`;
    const options = { type: EXPORT_TYPES[format], disposition: `attachment; filename="${fileName}"` };
    if (format === 'docx') {
      const file = await renderReportDocx(doc, this.template);
      return new StreamableFile(file, { ...options, length: file.length });
    }
    const out = new PassThrough();
    renderReportXlsx(doc, this.template, out).catch((e: unknown) => out.destroy(e as Error));
    return new StreamableFile(out, options);
  }
}

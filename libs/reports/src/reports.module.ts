import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { ReportClockService } from './report-clock.service';
import { ReportFiguresService } from './report-figures';
import { Report, ReportEvent } from './report/report.entity';
import { ReportAnchorService } from './report/report-anchor.service';
import { ReportExportService } from './report-export/report-export.service';
import { ReportService } from './report/report.service';
import { ReportsWorkflowController } from './report/reports-workflow.controller';
import { ReportsController } from './reports.controller';
import { SchoolFiguresService } from './school-figures.service';
import { WardFiguresService } from './ward-figures.service';
import { WardReportsController } from './ward-reports/ward-reports.controller';
import { WardReportsService } from './ward-reports/ward-reports.service';
import { REPORTS_PROCESSING } from './reports-processing';

@DeclaresProcessing(REPORTS_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([Report, ReportEvent]),
    AuditModule,
    IdentityModule,
    CasesModule,
    EscalationsModule,
  ],
  // WardReportsController before ReportsWorkflowController: GET reports/ward is not GET reports/:id.
  controllers: [ReportsController, WardReportsController, ReportsWorkflowController],
  providers: [
    WardFiguresService,
    SchoolFiguresService,
    ReportClockService,
    ReportFiguresService,
    ReportService,
    ReportAnchorService,
    WardReportsService,
    ReportExportService,
  ],
  exports: [WardFiguresService, ReportClockService, ReportFiguresService, ReportService, ReportAnchorService],
})
export class ReportsModule {}

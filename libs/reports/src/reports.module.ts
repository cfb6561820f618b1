import { Module } from '@nestjs/common';
import { CasesModule } from '@dh/cases';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { ReportClockService } from './report-clock.service';
import { ReportFiguresService } from './report-figures';
import { ReportSubmissionsController } from './report-submissions.controller';
import { ReportsController } from './reports.controller';
import { SchoolFiguresService } from './school-figures.service';
import { WardFiguresService } from './ward-figures.service';

@Module({
  imports: [IdentityModule, CasesModule, EscalationsModule],
  controllers: [ReportsController, ReportSubmissionsController],
  providers: [WardFiguresService, SchoolFiguresService, ReportClockService, ReportFiguresService],
  exports: [WardFiguresService, ReportClockService, ReportFiguresService],
})
export class ReportsModule {}

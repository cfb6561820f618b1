import { Module } from '@nestjs/common';
import { CasesModule } from '@dh/cases';
import { IdentityModule } from '@dh/identity';
import { ReportsController } from './reports.controller';
import { WardFiguresService } from './ward-figures.service';

@Module({ imports: [IdentityModule, CasesModule], controllers: [ReportsController], providers: [WardFiguresService], exports: [WardFiguresService] })
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { IdentityModule } from '@dh/identity';
import { ReportsController } from './reports.controller';
import { WardFiguresService } from './ward-figures.service';

@Module({ imports: [IdentityModule], controllers: [ReportsController], providers: [WardFiguresService], exports: [WardFiguresService] })
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { DataBreach, DataBreachClock } from './breach.entity';
import { BreachesController } from './breaches.controller';
import { BreachesService } from './breaches.service';
import { BREACHES_PROCESSING } from './breaches-processing';

@DeclaresProcessing(BREACHES_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([DataBreach, DataBreachClock]), AuditModule, EscalationsModule, IdentityModule],
  controllers: [BreachesController],
  providers: [BreachesService],
  exports: [BreachesService],
})
export class BreachesModule {}

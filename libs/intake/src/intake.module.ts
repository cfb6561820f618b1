import { Module } from '@nestjs/common';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { CaseLearnerController } from './case-learner.controller';
import { IntakeThrottleGuard } from './intake-throttle.guard';
import { LearnerIdentificationService } from './learner-identification.service';
import { PublicIntakeController } from './public-intake.controller';
import { PublicIntakeService } from './public-intake.service';

@Module({
  imports: [AuditModule, IdentityModule, CasesModule, EscalationsModule],
  controllers: [PublicIntakeController, CaseLearnerController],
  providers: [PublicIntakeService, LearnerIdentificationService, IntakeThrottleGuard],
  exports: [PublicIntakeService],
})
export class IntakeModule {}

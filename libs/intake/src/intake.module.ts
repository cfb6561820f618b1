import { Module } from '@nestjs/common';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { LearnersModule } from '@dh/learners';
import { DeclaresProcessing } from '@dh/privacy';
import { BulkTriageController } from './bulk-triage/bulk-triage.controller';
import { BulkTriageService } from './bulk-triage/bulk-triage.service';
import { CaseLearnerController } from './case-learner.controller';
import { IntakeThrottleGuard } from './intake-throttle.guard';
import { LearnerIdentificationService } from './learner-identification.service';
import { PublicIntakeController } from './public-intake.controller';
import { PublicIntakeService } from './public-intake.service';
import { IntakeFloodService } from './flood/intake-flood.service';
import { ProofOfWorkService } from './proof-of-work/proof-of-work.service';
import { INTAKE_PROCESSING } from './intake-processing';

@DeclaresProcessing(INTAKE_PROCESSING)
@Module({
  imports: [AuditModule, IdentityModule, CasesModule, LearnersModule, EscalationsModule],
  controllers: [PublicIntakeController, CaseLearnerController, BulkTriageController],
  providers: [
    BulkTriageService,
    PublicIntakeService,
    LearnerIdentificationService,
    IntakeThrottleGuard,
    IntakeFloodService,
    ProofOfWorkService,
  ],
  exports: [PublicIntakeService],
})
export class IntakeModule {}

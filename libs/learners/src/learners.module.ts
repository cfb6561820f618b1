import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { SealedRegistry } from '@dh/crypto';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { LearnerCasesPort } from './learner-cases.port';
import { LearnerFamilyAccess } from './learner-family.service';
import { LEARNERS_SEALED } from './learner-sealed';
import { Learner } from './learner.entity';
import { LearnerService } from './learner.service';
import { LearnersController } from './learners.controller';
import { LEARNERS_PROCESSING } from './learners-processing';

@DeclaresProcessing(LEARNERS_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([Learner]), AuditModule, IdentityModule],
  controllers: [LearnersController],
  providers: [LearnerService, LearnerFamilyAccess, LearnerCasesPort],
  exports: [LearnerService, LearnerCasesPort, LearnerFamilyAccess],
})
export class LearnersModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register(LEARNERS_SEALED);
  }
}

import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { SealedRegistry } from '@dh/crypto';
import { CriticalRiskHook, EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { LearnersModule } from '@dh/learners';
import { DeclaresProcessing } from '@dh/privacy';
import { AssigneeCheck } from './assignment/assignee-check';
import { CaseChainVerifier } from './case-chain-verifier';
import { CaseClockService } from './case-clock.service';
import { CaseFactsProvider } from './case-facts.provider';
import { CaseFiguresService } from './case-figures.service';
import { CaseTriageService } from './case-triage.service';
import { CaseRecordWriter } from './case-record-writer';
import { CaseHistoryService } from './case-history.service';
import { CaseChronologyService } from './chronology/case-chronology.service';
import { CaseMigrationService } from './case-migration.service';
import { CaseReporter } from './case-reporter.entity';
import { ConfidentialAccess } from './confidential/confidential-access.service';
import { CASES_SEALED } from './confidential/confidential-fields';
import { ConfidentialGrant } from './confidential/confidential-grant.entity';
import { GrantsController } from './confidential/grants.controller';
import { GrantsService } from './confidential/grants.service';
import { ReencryptService } from './confidential/reencrypt.service';
import { RiskRationaleHook } from './confidential/risk-rationale.hook';
import { ReporterService } from './confidential/reporter.service';
import { CaseTransitionService } from './case-transition.service';
import { CaseEntity } from './case.entity';
import { CaseService } from './case.service';
import { CasesController } from './cases.controller';
import { IdempotencyKey } from './idempotency-key.entity';
import { ReceivedAtHook } from './received-at.hook';
import { LearnerCasesProvider } from './learner-cases.provider';
import { CASE_EVENT_TYPES } from './dtos/event-payloads';
import { TransitionHooks } from './transition-hooks';
import { CASES_PROCESSING } from './cases-processing';

@DeclaresProcessing(CASES_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEntity, CaseReporter, IdempotencyKey, ConfidentialGrant]),
    AuditModule,
    IdentityModule,
    EscalationsModule,
    LearnersModule,
  ],
  controllers: [CasesController, GrantsController],
  providers: [
    CaseService,
    CaseTransitionService,
    CaseHistoryService,
    CaseChronologyService,
    CaseClockService,
    CaseMigrationService,
    LearnerCasesProvider,
    ConfidentialAccess,
    GrantsService,
    ReporterService,
    ReencryptService,
    TransitionHooks,
    CaseRecordWriter,
    CaseChainVerifier,
    ReceivedAtHook,
    AssigneeCheck,
    RiskRationaleHook,
    CaseFactsProvider,
    CaseFiguresService,
    CaseTriageService,
  ],
  exports: [
    CaseService,
    CaseFiguresService,
    CaseTriageService,
    CaseRecordWriter,
    CaseTransitionService,
    TransitionHooks,
    CaseMigrationService,
    ReencryptService,
    ConfidentialAccess,
    CaseChainVerifier,
    CaseHistoryService,
  ],
})
export class CasesModule implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly criticalRisk: CriticalRiskHook,
    private readonly sealed: SealedRegistry,
  ) {}

  onModuleInit(): void {
    this.sealed.register(CASES_SEALED);
    // libs/escalations' hook, registered here: this library imports that one, so it cannot import the registry back.
    this.hooks.register({ events: CASE_EVENT_TYPES, record: (step) => this.criticalRisk.record(step) });
  }
}

import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { SealedRegistry } from '@dh/crypto';
import { IdentityModule } from '@dh/identity';
import { LEGAL_HOLD_REASON_CONTEXT, LegalHoldService } from './legal-hold.service';
import { LegalHoldsController } from './legal-holds.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  imports: [AuditModule, IdentityModule, CasesModule],
  controllers: [LegalHoldsController],
  providers: [RetentionService, LegalHoldService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register({
      tables: [
        { table: 'case', key: 'id', caseColumn: 'id', columns: { legal_hold_reason: LEGAL_HOLD_REASON_CONTEXT } },
      ],
      payloads: { LEGAL_HOLD_PLACED: ['reason'], LEGAL_HOLD_RELEASED: ['reason'] },
    });
  }
}

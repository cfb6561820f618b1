import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { SealedRegistry } from '@dh/crypto';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { CONSENT_SEALED } from './consent-sealed';
import { Consent } from './consent.entity';
import { ConsentService } from './consent.service';
import { ConsentsController } from './consents.controller';
import { CONSENT_PROCESSING } from './consent-processing';

@DeclaresProcessing(CONSENT_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([Consent]), AuditModule, IdentityModule, CasesModule],
  controllers: [ConsentsController],
  providers: [ConsentService],
  exports: [ConsentService],
})
export class ConsentModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register(CONSENT_SEALED);
  }
}

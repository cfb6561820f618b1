import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { CheckpointsModule } from '@dh/checkpoints';
import { ConsentModule } from '@dh/consent';
import { SealedRegistry } from '@dh/crypto';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { CaseTransfer } from './transfer.entity';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';
import { TransferExpiryService } from './transfer-expiry.service';
import { TRANSFERS_PROCESSING } from './transfers-processing';
import { TRANSFERS_SEALED } from './transfers-sealed';

@DeclaresProcessing(TRANSFERS_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseTransfer]),
    AuditModule,
    CasesModule,
    CheckpointsModule,
    ConsentModule,
    EscalationsModule,
    IdentityModule,
  ],
  controllers: [TransfersController],
  providers: [TransfersService, TransferExpiryService],
  exports: [TransfersService, TransferExpiryService],
})
export class TransfersModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register(TRANSFERS_SEALED);
  }
}

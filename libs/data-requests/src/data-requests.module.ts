import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { ConsentModule } from '@dh/consent';
import { SealedRegistry } from '@dh/crypto';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { LearnersModule } from '@dh/learners';
import { RecordsModule } from '@dh/records';
import { RetentionModule } from '@dh/retention';
import { DeclaresProcessing } from '@dh/privacy';
import { AccessExportService } from './access-export.service';
import { DataRequestLetterService } from './data-request-letter.service';
import { DATA_REQUESTS_SEALED } from './data-request-sealed';
import { DataRequest } from './data-request.entity';
import { DataRequestsController } from './data-requests.controller';
import { DataRequestsService } from './data-requests.service';
import { ErasureService } from './erasure.service';
import { RectificationService } from './rectification.service';
import { DATA_REQUESTS_PROCESSING } from './data-requests-processing';

@DeclaresProcessing(DATA_REQUESTS_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([DataRequest]),
    AuditModule,
    IdentityModule,
    CasesModule,
    ConsentModule,
    EscalationsModule,
    LearnersModule,
    RecordsModule,
    RetentionModule,
  ],
  controllers: [DataRequestsController],
  providers: [DataRequestsService, AccessExportService, RectificationService, ErasureService, DataRequestLetterService],
})
export class DataRequestsModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register(DATA_REQUESTS_SEALED);
  }
}

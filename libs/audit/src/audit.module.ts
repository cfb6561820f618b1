import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeclaresProcessing } from '@dh/privacy';
import { AdminAuditEvent } from './admin-audit-event.entity';
import { AdminAuditService } from './admin-audit.service';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';
import { AUDIT_PROCESSING } from './audit-processing';

@DeclaresProcessing(AUDIT_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AdminAuditEvent])],
  providers: [AuditService, AdminAuditService],
  exports: [AuditService, AdminAuditService],
})
export class AuditModule {}

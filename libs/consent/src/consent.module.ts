import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { IdentityModule } from '@dh/identity';
import { Consent } from './consent.entity';
import { ConsentService } from './consent.service';
import { ConsentsController } from './consents.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Consent]), AuditModule, IdentityModule, CasesModule],
  controllers: [ConsentsController],
  providers: [ConsentService],
  exports: [ConsentService],
})
export class ConsentModule {}

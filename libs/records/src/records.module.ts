import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { ConsentModule } from '@dh/consent';
import { IdentityModule } from '@dh/identity';
import { AdminDirectoryController, DirectoryController } from './directory/directory.controller';
import { DirectorySeedService } from './directory/directory-seed.service';
import { DirectoryService } from './directory/directory.service';
import { ServiceProvider } from './directory/service-provider.entity';
import { Referral } from './referrals/referral.entity';
import { ReferralHooks } from './referrals/referral-hooks.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceProvider, Referral]), AuditModule, IdentityModule, CasesModule, ConsentModule],
  controllers: [DirectoryController, AdminDirectoryController, ReferralsController],
  providers: [DirectoryService, DirectorySeedService, ReferralHooks, ReferralsService],
  exports: [DirectoryService, DirectorySeedService, ReferralsService],
})
export class RecordsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { DeclaresProcessing } from '@dh/privacy';
import { AdminDirectoryController, DirectoryController } from './directory.controller';
import { DirectorySeedService } from './directory-seed.service';
import { DirectoryService } from './directory.service';
import { ServiceProvider } from './service-provider.entity';
import { DIRECTORY_PROCESSING } from './directory-processing';

// The ward's directory of services: reference data with its own admin and seed file, which referrals name.
@DeclaresProcessing(DIRECTORY_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([ServiceProvider]), AuditModule],
  controllers: [DirectoryController, AdminDirectoryController],
  providers: [DirectoryService, DirectorySeedService],
  exports: [DirectoryService, DirectorySeedService],
})
export class DirectoryModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { AdminDirectoryController, DirectoryController } from './directory.controller';
import { DirectorySeedService } from './directory-seed.service';
import { DirectoryService } from './directory.service';
import { ServiceProvider } from './service-provider.entity';

// The ward's directory of services: reference data with its own admin and seed file, which referrals name.
@Module({
  imports: [TypeOrmModule.forFeature([ServiceProvider]), AuditModule],
  controllers: [DirectoryController, AdminDirectoryController],
  providers: [DirectoryService, DirectorySeedService],
  exports: [DirectoryService, DirectorySeedService],
})
export class DirectoryModule {}

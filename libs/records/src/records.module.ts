import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { IdentityModule } from '@dh/identity';
import { AdminDirectoryController, DirectoryController } from './directory/directory.controller';
import { DirectorySeedService } from './directory/directory-seed.service';
import { DirectoryService } from './directory/directory.service';
import { ServiceProvider } from './directory/service-provider.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceProvider]), AuditModule, IdentityModule],
  controllers: [DirectoryController, AdminDirectoryController],
  providers: [DirectoryService, DirectorySeedService],
  exports: [DirectoryService, DirectorySeedService],
})
export class RecordsModule {}

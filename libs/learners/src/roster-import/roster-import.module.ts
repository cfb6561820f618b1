import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { IdentityModule } from '@dh/identity';
import { RosterImport, RosterMappingRow } from './roster-import.entity';
import { RosterImportService } from './roster-import.service';
import { RosterImportsController } from './roster-imports.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([RosterImport, RosterMappingRow]),
    AuditModule,
    IdentityModule,
    // In memory (multer's default without a destination), one file, no larger than ROSTER_IMPORT_MAX_BYTES: a
    // larger one is refused with 413 while it streams in. File names are read as UTF-8 ("Danh sách lớp 6A.xlsx").
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.rosterImport.maxBytes, files: 1, fields: 10, parts: 12 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [RosterImportsController],
  providers: [RosterImportService],
  exports: [RosterImportService],
})
export class RosterImportModule {}

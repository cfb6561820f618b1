import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@dh/audit';
import { BreachesModule } from '@dh/breaches';
import { CalendarAdminModule } from '@dh/calendar';
import { CasesModule } from '@dh/cases';
import { CheckpointsModule } from '@dh/checkpoints';
import { ClockModule } from '@dh/clock';
import { AppConfig, ConfigModule, loadConfig } from '@dh/config';
import { ConsentModule } from '@dh/consent';
import { CryptoModule } from '@dh/crypto';
import { DatabaseModule } from '@dh/database';
import { DemoModule } from '@dh/demo';
import { DirectoryModule } from '@dh/directory';
import { DeliveryModule } from '@dh/delivery';
import { EscalationsModule } from '@dh/escalations';
import { FormsModule } from '@dh/forms';
import { HttpExceptionFilter } from '@dh/errors';
import { IdentityModule } from '@dh/identity';
import { IntakeModule } from '@dh/intake';
import { LearnersModule, RosterImportModule } from '@dh/learners';
import { NotificationsModule } from '@dh/notifications';
import { RecordsModule } from '@dh/records';
import { ReportsModule } from '@dh/reports';
import { RetentionModule } from '@dh/retention';
import { DataRequestsModule } from '@dh/data-requests';
import { TransfersModule } from '@dh/transfers';
import { ProcessingRecordModule } from '@dh/processing-record';
import { SchoolRecordsModule } from '@dh/school-records';
import { HealthController } from './health/health.controller';
import { LabelsController } from './labels/labels.controller';
import { RequestContextMiddleware } from './request-context.middleware';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule.forRoot(),
        CryptoModule,
        TerminusModule,
        IdentityModule,
        AuditModule,
        LearnersModule,
        RosterImportModule,
        CasesModule,
        CheckpointsModule,
        DirectoryModule,
        RecordsModule,
        ConsentModule,
        RetentionModule,
        DataRequestsModule,
        ProcessingRecordModule,
        FormsModule,
        IntakeModule,
        EscalationsModule,
        CalendarAdminModule,
        ReportsModule,
        NotificationsModule,
        DeliveryModule,
        SchoolRecordsModule,
        BreachesModule,
        TransfersModule,
        DemoModule,
      ],
      controllers: [HealthController, LabelsController],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}

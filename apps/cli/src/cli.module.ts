import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@dh/audit';
import { CalendarAdminModule } from '@dh/calendar';
import { CasesModule } from '@dh/cases';
import { CheckpointsModule } from '@dh/checkpoints';
import { Clock, ClockModule } from '@dh/clock';
import { AppConfig, ConfigModule } from '@dh/config';
import { ConsentModule } from '@dh/consent';
import { CryptoModule } from '@dh/crypto';
import { DatabaseModule } from '@dh/database';
import { DemoModule } from '@dh/demo';
import { DirectoryModule } from '@dh/directory';
import { DeliveryModule } from '@dh/delivery';
import { EscalationsModule } from '@dh/escalations';
import { IdentityModule } from '@dh/identity';
import { RecordsModule } from '@dh/records';
import { ReportsModule } from '@dh/reports';

// The features without HTTP: the same modules the server runs, for operator commands (the calendar's admin for
// the years kept in the app, which the sweep counts with; reports, whose clocks the sweep makes first).
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.using(clock),
        DatabaseModule.forRoot(),
        CryptoModule,
        IdentityModule,
        AuditModule,
        CasesModule,
        CheckpointsModule,
        DirectoryModule,
        RecordsModule,
        ConsentModule,
        EscalationsModule,
        DeliveryModule,
        CalendarAdminModule,
        ReportsModule,
        DemoModule,
      ],
    };
  }
}

import { Module, OnModuleInit } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { CalendarModule } from '@dh/calendar';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { SealedRegistry } from '@dh/crypto';
import { IdentityModule } from '@dh/identity';
import { allDeadlineKinds } from '@dh/machines/case/engine';
import { DeclaresProcessing } from '@dh/privacy';
import { Alert } from './alert.entity';
import { AlertService } from './alert.service';
import { AlertsController } from './alerts.controller';
import { BeforeSweepHooks } from './before-sweep-hooks';
import { CaseFactsPort } from './case-facts';
import { PlanDatesPort } from './plan-dates';
import { CalendarRescheduleHook } from './calendar-reschedule.hook';
import { CriticalRiskHook } from './critical-risk.hook';
import { Deadline, DeadlineLevel } from './deadline.entity';
import { DeadlineService } from './deadline.service';
import { EscalationSweepService } from './escalation-sweep.service';
import { SLA_POLICY } from './escalation.tokens';
import { EscalationScheduler } from './escalation.scheduler';
import { REPORT_DEADLINE_KINDS } from './report-deadline-kinds';
import { EVENT_CLOCK_KINDS } from './school-violence-clock';
import { loadSlaPolicy } from './sla-policy';
import { ESCALATIONS_PROCESSING } from './escalations-processing';

@DeclaresProcessing(ESCALATIONS_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([Deadline, DeadlineLevel, Alert]),
    ScheduleModule.forRoot(),
    AuditModule,
    CalendarModule,
    IdentityModule,
  ],
  controllers: [AlertsController],
  providers: [
    // Validated at boot: a bad policy file stops the start, naming the file and the entry.
    {
      provide: SLA_POLICY,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        loadSlaPolicy(c.slaPolicyFile, [...allDeadlineKinds(), ...REPORT_DEADLINE_KINDS, ...EVENT_CLOCK_KINDS]),
    },
    DeadlineService,
    AlertService,
    EscalationSweepService,
    EscalationScheduler,
    CaseFactsPort,
    PlanDatesPort,
    CalendarRescheduleHook,
    BeforeSweepHooks,
    CriticalRiskHook,
  ],
  exports: [
    BeforeSweepHooks,
    CaseFactsPort,
    PlanDatesPort,
    CriticalRiskHook,
    DeadlineService,
    AlertService,
    EscalationSweepService,
  ],
})
export class EscalationsModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  // An alert's answer goes into the case's chain (ALERT_ACKNOWLEDGED): the next action is the counsellor's words.
  onModuleInit(): void {
    this.sealed.register({ payloads: { ALERT_ACKNOWLEDGED: ['nextAction'] } });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { EscalationSweepService } from './escalation-sweep.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';

// Every instance may sweep: SKIP LOCKED and the unique alert index keep them from doubling anything.
@Injectable()
export class EscalationScheduler extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    private readonly sweep: EscalationSweepService,
    private readonly outbox: OutboxDispatcher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(registry, { name: 'escalation-sweep', everyMs: config.escalationSweepMs, enabled: config.schedulerEnabled });
  }

  protected async run(): Promise<void> {
    await this.sweep.sweepOnce();
    await this.outbox.dispatch();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { EscalationSweepService } from './escalation-sweep.service';

// Every instance may sweep: SKIP LOCKED and the unique alert index keep them from doubling anything. What the
// sweep queues leaves the app with libs/delivery's own job.
@Injectable()
export class EscalationScheduler extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    private readonly sweep: EscalationSweepService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(registry, { name: 'escalation-sweep', everyMs: config.escalationSweepMs, enabled: config.schedulerEnabled });
  }

  protected async run(): Promise<void> {
    await this.sweep.sweepOnce();
  }
}

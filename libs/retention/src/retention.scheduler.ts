import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { RetentionService } from './retention.service';

export const RETENTION_SWEEP_EVERY_MS = 24 * 3600_000;

// Once a day on every instance where the scheduler runs, and once at start: each case is shredded under its
// row's lock after checking again that it is due, so two instances never shred one twice.
@Injectable()
export class RetentionScheduler extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(registry, { name: 'retention-sweep', everyMs: RETENTION_SWEEP_EVERY_MS, enabled: config.schedulerEnabled });
  }

  protected async run(): Promise<void> {
    await this.retention.sweep();
  }
}

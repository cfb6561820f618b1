import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { CheckpointService } from './checkpoint.service';

export const CHECKPOINT_EVERY_MS = 3600_000;

// Every hour, on every instance where the scheduler runs, and once at start: the advisory lock and "nothing
// moved" keep instances from signing the same heads twice.
@Injectable()
export class CheckpointScheduler extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    private readonly checkpoints: CheckpointService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(registry, { name: 'audit-checkpoint', everyMs: CHECKPOINT_EVERY_MS, enabled: config.schedulerEnabled });
  }

  protected async run(): Promise<void> {
    await this.checkpoints.take();
  }
}

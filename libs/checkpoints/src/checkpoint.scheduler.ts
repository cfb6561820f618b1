import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { CheckpointService } from './checkpoint.service';

const INTERVAL = 'audit-checkpoint';
export const CHECKPOINT_EVERY_MS = 3600_000;

// Every hour, on every instance where the scheduler runs, and once at start: the advisory lock and "nothing
// moved" keep instances from signing the same heads twice.
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private running = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly checkpoints: CheckpointService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.registry.addInterval(INTERVAL, setInterval(() => void this.tick(), CHECKPOINT_EVERY_MS));
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', INTERVAL)) this.registry.deleteInterval(INTERVAL);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.checkpoints.take();
    } catch (e) {
      this.logger.error({ msg: 'audit checkpoint failed', err: String(e) });
    } finally {
      this.running = false;
    }
  }
}

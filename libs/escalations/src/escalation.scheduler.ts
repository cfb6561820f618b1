import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { EscalationSweepService } from './escalation-sweep.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';

const INTERVAL = 'escalation-sweep';

// Every instance may sweep: SKIP LOCKED and the unique alert index keep them from doubling anything.
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EscalationScheduler.name);
  private running = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly sweep: EscalationSweepService,
    private readonly outbox: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) {
      this.logger.log('escalation sweep disabled on this instance (SCHEDULER_ENABLED=false)');
      return;
    }
    this.registry.addInterval(INTERVAL, setInterval(() => void this.tick(), this.config.escalationSweepMs));
    // The first sweep right away catches up on whatever fell due while the instance was down.
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', INTERVAL)) this.registry.deleteInterval(INTERVAL);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.sweep.sweepOnce();
      await this.outbox.dispatch();
    } catch (e) {
      this.logger.error({ msg: 'escalation sweep failed', err: String(e) });
    } finally {
      this.running = false;
    }
  }
}

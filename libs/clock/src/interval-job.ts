import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

export type IntervalJobOptions = { name: string; everyMs: number; enabled: boolean };

// A job every instance may run: once at start (to catch up on what fell due while it was down), then every
// `everyMs`; never two runs at once on one instance, and a failed run is logged and left to the next one.
// What keeps instances from doubling the work is the job's own business (row locks, unique keys).
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly jobLogger: Logger;
  private running = false;

  protected constructor(
    private readonly registry: SchedulerRegistry,
    private readonly options: IntervalJobOptions,
  ) {
    this.jobLogger = new Logger(options.name);
  }

  protected abstract run(): Promise<void>;

  onApplicationBootstrap(): void {
    if (!this.options.enabled) {
      this.jobLogger.log(`${this.options.name} disabled on this instance (SCHEDULER_ENABLED=false)`);
      return;
    }
    this.registry.addInterval(
      this.options.name,
      setInterval(() => void this.tick(), this.options.everyMs),
    );
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', this.options.name)) this.registry.deleteInterval(this.options.name);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.run();
    } catch (e) {
      this.jobLogger.error({ msg: `${this.options.name} failed`, err: String(e) });
    } finally {
      this.running = false;
    }
  }
}

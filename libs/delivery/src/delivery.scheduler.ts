import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { DeliveryDispatcher } from './delivery-dispatcher.service';

// Every instance delivers: leases and SKIP LOCKED keep them from sending a row twice.
@Injectable()
export class DeliveryScheduler extends IntervalJob {
  constructor(
    registry: SchedulerRegistry,
    private readonly dispatcher: DeliveryDispatcher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(registry, { name: 'alert-delivery', everyMs: config.delivery.everyMs, enabled: config.schedulerEnabled });
  }

  protected async run(): Promise<void> {
    await this.dispatcher.drain();
  }
}

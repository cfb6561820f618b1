import { Injectable } from '@nestjs/common';

// What must exist before a sweep raises anything (each school's report clocks for the running school year).
export type BeforeSweep = (now: Date) => Promise<unknown>;

// Registered at init by the library that owns those clocks, so escalations imports none of them.
@Injectable()
export class BeforeSweepHooks {
  private readonly hooks: BeforeSweep[] = [];

  register(hook: BeforeSweep): void {
    this.hooks.push(hook);
  }

  async run(now: Date): Promise<void> {
    for (const hook of this.hooks) await hook(now);
  }
}

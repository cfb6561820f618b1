import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

// How long a thread waits for the next sweep before it ends.
const IDLE_MS = 30_000;

// Built, the worker is the compiled .js beside this file. Run from the TypeScript sources it is the .ts, which a
// thread can only load through a require hook that compiles it: DH_TS_REGISTER names one (the tests' global setup
// and test/support/swc-register.js set it).
const startWorker = (): Worker => {
  const script = join(__dirname, `sweep.worker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return new Worker(script);
  const register = process.env.DH_TS_REGISTER;
  if (!register) throw new Error('the chain sweep runs from TypeScript sources: set DH_TS_REGISTER to a require hook');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(script)});`, { eval: true });
};

// The sweep's threads, kept between sweeps for a while: a new thread loads its modules and compiles the hashing
// code again, which costs a sweep of 200,000 events about a fifth of its time. Each thread serves one sweep at a
// time; a thread that failed is ended, not given back. Idle threads do not keep the process alive.
export class SweepThreads {
  private readonly idle: Worker[] = [];
  private timer: NodeJS.Timeout | null = null;

  take(count: number): Worker[] {
    const taken = this.idle.splice(0, count);
    while (taken.length < count) taken.push(this.start());
    for (const w of taken) w.ref();
    if (this.idle.length === 0) this.stopTimer();
    return taken;
  }

  give(thread: Worker): void {
    thread.unref();
    this.idle.push(thread);
    this.stopTimer();
    this.timer = setTimeout(() => void this.stop(), IDLE_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopTimer();
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private start(): Worker {
    const w = startWorker();
    // One that ends while idle (it failed to load, or was stopped) is no longer offered.
    w.on('exit', () => {
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return w;
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export const sweepThreads = new SweepThreads();

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ThrottleCounters } from '@dh/identity';
import { IntakeException, IntakeExceptionCode } from './intake.exception';

// Per client address: a child may send a few reports in a row (a correction, a second thought), a script may not.
export const INTAKE_WINDOWS = [
  { name: 'intake-minute', ttl: 60_000, limit: 5 },
  { name: 'intake-hour', ttl: 3_600_000, limit: 20 },
] as const;

// The login throttle's counters (in PostgreSQL, shared by every instance, on the injectable clock), under keys
// of its own. The address is Express's req.ip: behind a proxy, `trust proxy` makes it the client's.
@Injectable()
export class IntakeThrottleGuard implements CanActivate {
  constructor(private readonly counters: ThrottleCounters) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const address = String(context.switchToHttp().getRequest<Request>().ip ?? '');
    // Windows in order, shortest first; a post the minute refuses is not counted against the hour, so a child
    // who retries in a hurry waits a minute, not an hour.
    for (const w of INTAKE_WINDOWS) {
      const state = await this.counters.hit(`${w.name}:ip:${address}`, {
        windowMs: w.ttl,
        limit: w.limit,
        blockMs: w.ttl,
      });
      if (state.blocked)
        throw new IntakeException(IntakeExceptionCode.TOO_MANY_REPORTS, { retryAfterSeconds: state.retryAfterSeconds });
    }
    return true;
  }
}

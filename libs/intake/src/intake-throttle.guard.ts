import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { IntakeException, IntakeExceptionCode } from './intake.exception';

// Per client address: a child may send a few reports in a row (a correction, a second thought), a script may not.
export const INTAKE_WINDOWS = [
  { name: 'intake-minute', ttl: 60_000, limit: 5 },
  { name: 'intake-hour', ttl: 3_600_000, limit: 20 },
] as const;

// The login throttle's storage (ClockThrottlerStorage on the injectable clock, in memory per instance), under
// keys of its own. The address is Express's req.ip: behind a proxy, `trust proxy` makes it the client's.
@Injectable()
export class IntakeThrottleGuard implements CanActivate {
  constructor(@Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const address = String(context.switchToHttp().getRequest<Request>().ip ?? '');
    // Windows in order, shortest first; a post the minute refuses is not counted against the hour, so a child
    // who retries in a hurry waits a minute, not an hour.
    for (const w of INTAKE_WINDOWS) {
      const record = await this.storage.increment(`${w.name}:ip:${address}`, w.ttl, w.limit, w.ttl, w.name);
      if (record.isBlocked) throw new IntakeException(IntakeExceptionCode.TOO_MANY_REPORTS, { retryAfterSeconds: record.timeToBlockExpire });
    }
    return true;
  }
}

import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import { Clock } from '@dh/clock';
import { IdentityException, IdentityExceptionCode } from './identity.exception';

type Window = { hits: number; expiresAt: number; blockedUntil: number };
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// Counts on the injectable clock, so a test moves time instead of waiting a minute. In memory: each
// instance counts its own attempts (several instances multiply the allowance by their number).
export class ClockThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (w && w.blockedUntil > now) return this.record(w, now, true);
    if (!w || w.expiresAt <= now) {
      w = { hits: 0, expiresAt: now + ttl, blockedUntil: 0 };
      this.windows.set(key, w);
    }
    w.hits += 1;
    if (w.hits > limit) w.blockedUntil = now + blockDuration;
    if (this.windows.size > 100_000) this.prune(now);
    return this.record(w, now, w.blockedUntil > now);
  }

  private record(w: Window, now: number, isBlocked: boolean): ThrottlerStorageRecord {
    return {
      totalHits: w.hits,
      timeToExpire: Math.max(0, Math.ceil((w.expiresAt - now) / 1000)),
      isBlocked,
      timeToBlockExpire: Math.max(0, Math.ceil((w.blockedUntil - now) / 1000)),
    };
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.expiresAt <= now && w.blockedUntil <= now) this.windows.delete(k);
  }
}

export const loginUserTracker = (req: Record<string, unknown>): string => {
  const body = req.body as { username?: unknown } | undefined;
  return `user:${typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : ''}`;
};

export const loginAddressTracker = (req: Record<string, unknown>): string => `ip:${String(req.ip ?? '')}`;

@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new IdentityException(IdentityExceptionCode.TOO_MANY_LOGIN_ATTEMPTS, { retryAfterSeconds: detail.timeToBlockExpire });
  }
}

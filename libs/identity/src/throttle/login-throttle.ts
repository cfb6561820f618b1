import { Injectable } from '@nestjs/common';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { CounterRule, CounterState, ThrottleCounters } from './throttle-counters';

// The lockout: ten failures in a minute for one user name from one address lock that pair for a minute.
export const PAIR_RULE: CounterRule = { windowMs: 60_000, limit: 10, blockMs: 60_000 };
// One address trying many user names: thirty failures a minute, whatever the names.
export const ADDRESS_RULE: CounterRule = { windowMs: 60_000, limit: 30, blockMs: 60_000 };
// One user name from many addresses: past fifty failures in an hour, the addresses that failed for it wait
// fifteen minutes, then thirty, sixty… (until the name is quiet for a day).
export const USER_RULE: CounterRule = { windowMs: 3_600_000, limit: 50, blockMs: 15 * 60_000, backoff: true };
// Whether an address tried this name in the last day without getting in; never blocks by itself.
const SEEN_RULE: CounterRule = { windowMs: 24 * 3_600_000, limit: 2_147_483_647, blockMs: 0 };

const FAILURES: ReadonlySet<string> = new Set([
  IdentityExceptionCode.INVALID_CREDENTIALS,
  IdentityExceptionCode.WRONG_CURRENT_PASSWORD,
  IdentityExceptionCode.SECOND_FACTOR_INVALID,
]);

// Throttles password checks (login, change of one's own password) by their failures, in counters shared by every
// instance. Wrong passwords lock out the (user name, address) pair that sent them, never the account: a right
// password from an address with no failures for that name is always let in, so nobody can keep another user,
// the admin included, out. The per-name ceiling therefore binds only addresses that have already failed for
// the name: while it holds, a distributed guesser gets one try per fresh address a day.
@Injectable()
export class LoginThrottle {
  constructor(private readonly counters: ThrottleCounters) {}

  async check<T>(username: string, address: string, verify: () => Promise<T>): Promise<T> {
    const name = username.trim().toLowerCase().slice(0, 100);
    const keys = {
      pair: `login-pair:${name}@${address}`,
      seen: `login-seen:${name}@${address}`,
      name: `login-user:${name}`,
      address: `login-address:${address}`,
    };
    // Pair and address count the attempt before the password is checked, so parallel guesses cannot all slip
    // in under the limit; a right password takes its count back.
    const seen = await this.counters.hit(keys.seen, SEEN_RULE);
    if (seen.hits > 1) refuseIfBlocked(await this.counters.peek(keys.name));
    refuseIfBlocked(await this.counters.hit(keys.pair, PAIR_RULE));
    refuseIfBlocked(await this.counters.hit(keys.address, ADDRESS_RULE));
    let result: T;
    try {
      result = await verify();
    } catch (e) {
      if (e instanceof IdentityException && FAILURES.has(e.code)) await this.counters.hit(keys.name, USER_RULE);
      throw e;
    }
    await this.counters.reset([keys.pair, keys.seen]);
    await this.counters.refund(keys.address);
    return result;
  }
}

const refuseIfBlocked = (state: CounterState): void => {
  if (state.blocked)
    throw new IdentityException(IdentityExceptionCode.TOO_MANY_LOGIN_ATTEMPTS, {
      retryAfterSeconds: state.retryAfterSeconds,
    });
};

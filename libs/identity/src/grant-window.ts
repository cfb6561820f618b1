import { FindOperator, IsNull, MoreThan } from 'typeorm';
import { IdentityException, IdentityExceptionCode } from './identity.exception';

// What "a live grant" means, for principals' and auditors' grants alike: not revoked, not yet expired.
export type GrantWindow = { revokedAt: Date | null; expiresAt: Date };

export const isLiveGrant = (g: GrantWindow, now: Date): boolean => g.revokedAt === null && g.expiresAt > now;

export const liveGrantWhere = (now: Date): { revokedAt: FindOperator<Date>; expiresAt: FindOperator<Date> } => ({
  revokedAt: IsNull(),
  expiresAt: MoreThan(now),
});

const DAY_MS = 86_400_000;

// Every grant (an auditor's school, a principal's case) ends at most GRANT_MAX_DAYS after it is issued: access
// without an end in sight is access nobody reviews.
export const assertGrantLength = (expiresAt: Date, now: Date, maxDays: number): void => {
  const latest = new Date(now.getTime() + maxDays * DAY_MS);
  if (expiresAt > latest) {
    throw new IdentityException(IdentityExceptionCode.GRANT_TOO_LONG, {
      field: 'expiresAt',
      maxDays,
      latestExpiresAt: latest.toISOString(),
    });
  }
};

import { FindOperator, IsNull, MoreThan } from 'typeorm';

// What "a live grant" means, for principals' and auditors' grants alike: not revoked, not yet expired.
export type GrantWindow = { revokedAt: Date | null; expiresAt: Date };

export const isLiveGrant = (g: GrantWindow, now: Date): boolean => g.revokedAt === null && g.expiresAt > now;

export const liveGrantWhere = (now: Date): { revokedAt: FindOperator<Date>; expiresAt: FindOperator<Date> } => ({
  revokedAt: IsNull(),
  expiresAt: MoreThan(now),
});

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { Caller, chainActor } from '../caller';
import { assertGrantLength, isLiveGrant, liveGrantWhere } from '../grant-window';
import { newGrantWindow } from '../grant-base';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { School } from '../school.entity';
import { User } from '../user.entity';
import { AuditorGrant } from './auditor-grant.entity';

export type AuditorGrantRequest = { auditorId: string; schoolId: string; reason: string; expiresAt: Date };
export type AuditorGrantView = {
  id: string;
  auditorId: string;
  schoolId: string;
  reason: string;
  expiresAt: string;
  grantedBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  live: boolean;
};

// An auditor inspects a school only while an admin's grant for it is live; issuing and revoking are events
// of the admin chain, in the same transaction as the change.
@Injectable()
export class AuditorGrantsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(admin: Caller, g: AuditorGrantRequest): Promise<AuditorGrantView> {
    return inTransaction(this.source, async (tx) => {
      const now = this.clock.now();
      const auditor = await tx.getRepository(User).findOneBy({ id: g.auditorId });
      if (!auditor || auditor.disabledAt || !auditor.roles.includes('auditor')) {
        throw new IdentityException(IdentityExceptionCode.AUDITOR_GRANT_NOT_VALID, { field: 'auditorId' });
      }
      if (!(await tx.getRepository(School).existsBy({ id: g.schoolId }))) {
        throw new IdentityException(IdentityExceptionCode.AUDITOR_GRANT_NOT_VALID, { field: 'schoolId' });
      }
      if (g.expiresAt <= now)
        throw new IdentityException(IdentityExceptionCode.AUDITOR_GRANT_NOT_VALID, { field: 'expiresAt' });
      assertGrantLength(g.expiresAt, now, this.config.grantMaxDays);
      const grant = tx.getRepository(AuditorGrant).create({
        auditorId: g.auditorId,
        schoolId: g.schoolId,
        ...newGrantWindow(admin.id, g.reason, g.expiresAt, now),
      });
      await tx.getRepository(AuditorGrant).insert(grant);
      await this.record(tx, admin, 'AUDITOR_GRANT_ISSUED', grant, {
        grantId: grant.id,
        auditorId: grant.auditorId,
        schoolId: grant.schoolId,
        reason: grant.reason,
        expiresAt: grant.expiresAt.toISOString(),
      });
      return toView(grant, now);
    });
  }

  // Ends the grant at once: the auditor's next request no longer reaches the school.
  revoke(admin: Caller, id: string): Promise<AuditorGrantView> {
    return inTransaction(this.source, async (tx) => {
      const now = this.clock.now();
      const grant = await tx
        .getRepository(AuditorGrant)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!grant) throw new IdentityException(IdentityExceptionCode.AUDITOR_GRANT_NOT_FOUND);
      if (!isLiveGrant(grant, now)) throw new IdentityException(IdentityExceptionCode.AUDITOR_GRANT_ENDED);
      grant.revokedAt = now;
      grant.revokedBy = admin.id;
      await tx.getRepository(AuditorGrant).update({ id }, { revokedAt: now, revokedBy: admin.id });
      await this.record(tx, admin, 'AUDITOR_GRANT_REVOKED', grant, {
        grantId: grant.id,
        auditorId: grant.auditorId,
        schoolId: grant.schoolId,
        revokedAt: now.toISOString(),
      });
      return toView(grant, now);
    });
  }

  async list(): Promise<AuditorGrantView[]> {
    const now = this.clock.now();
    const rows = await this.source.getRepository(AuditorGrant).find({ order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map((g) => toView(g, now));
  }

  // The schools an auditor reaches now; read at every request, so expiry and revocation act at once.
  async liveSchoolIds(auditorId: string): Promise<string[]> {
    const rows = await this.source.getRepository(AuditorGrant).find({
      where: { auditorId, ...liveGrantWhere(this.clock.now()) },
      select: { schoolId: true },
    });
    return [...new Set(rows.map((r) => r.schoolId))].sort();
  }

  private record(
    tx: EntityManager,
    admin: Caller,
    type: string,
    grant: AuditorGrant,
    payload: Record<string, unknown>,
  ) {
    return this.chain.append(tx, {
      type,
      ...chainActor(admin),
      subjectId: grant.auditorId,
      payload,
      at: this.clock.now(),
    });
  }
}

const toView = (g: AuditorGrant, now: Date): AuditorGrantView => ({
  id: g.id,
  auditorId: g.auditorId,
  schoolId: g.schoolId,
  reason: g.reason,
  expiresAt: g.expiresAt.toISOString(),
  grantedBy: g.grantedBy,
  createdAt: g.createdAt.toISOString(),
  revokedAt: g.revokedAt?.toISOString() ?? null,
  revokedBy: g.revokedBy,
  live: isLiveGrant(g, now),
});

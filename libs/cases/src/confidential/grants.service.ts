import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AdminAuditService, AuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { inTransaction } from '@dh/database';
import { assertGrantLength, Caller, chainActor, isLiveGrant, newGrantWindow, UserService } from '@dh/identity';
import { CaseEntity } from '../case.entity';
import { CaseException, CaseExceptionCode } from '../case.exception';
import { ConfidentialGrant } from './confidential-grant.entity';

export type GrantRequest = {
  caseRef: { id: string } | { code: string };
  granteeId: string;
  reason: string;
  expiresAt: Date;
};
export type GrantView = {
  id: string;
  caseId: string;
  caseCode: string;
  schoolId: string;
  granteeId: string;
  grantedBy: string;
  reason: string;
  expiresAt: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  live: boolean;
};

// The admin grants a principal one case's confidential content for a reason and a time; the grant is an
// event of the admin chain and of the case's chain, in one transaction.
@Injectable()
export class GrantsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly users: UserService,
    private readonly audit: AuditService,
    private readonly adminChain: AdminAuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  grant(admin: Caller, g: GrantRequest) {
    return inTransaction(this.source, async (tx) => {
      const now = this.clock.now();
      const row = await tx
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('id' in g.caseRef ? 'c.id = :id' : 'c.code = :code', g.caseRef)
        .getOne();
      if (!row) throw new CaseException(CaseExceptionCode.CASE_NOT_FOUND);
      if (g.expiresAt <= now) throw new CaseException(CaseExceptionCode.GRANT_NOT_VALID, { field: 'expiresAt' });
      assertGrantLength(g.expiresAt, now, this.config.grantMaxDays);
      if (!(await this.users.isMemberWithRole(g.granteeId, row.schoolId, ['principal'], tx))) {
        throw new CaseException(CaseExceptionCode.GRANT_NOT_VALID, { field: 'granteeId' });
      }
      const grant = tx.getRepository(ConfidentialGrant).create({
        caseId: row.id,
        schoolId: row.schoolId,
        granteeId: g.granteeId,
        ...newGrantWindow(admin.id, g.reason, g.expiresAt, now),
      });
      await tx.getRepository(ConfidentialGrant).insert(grant);
      const payload = {
        grantId: grant.id,
        caseId: row.id,
        granteeId: g.granteeId,
        reason: grant.reason,
        expiresAt: g.expiresAt.toISOString(),
      };
      const by = { ...chainActor(admin), at: now };
      await this.audit.appendCaseEvent(tx, row.id, by, 'GRANT_ISSUED', payload);
      await this.adminChain.append(tx, { type: 'GRANT_ISSUED', subjectId: g.granteeId, payload, ...by });
      return { id: grant.id, ...payload, caseCode: row.code };
    });
  }

  // Ends a grant at once, in both chains: the principal's next read is masked again.
  revoke(admin: Caller, id: string): Promise<GrantView> {
    return inTransaction(this.source, async (tx) => {
      const now = this.clock.now();
      const grant = await tx
        .getRepository(ConfidentialGrant)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!grant) throw new CaseException(CaseExceptionCode.GRANT_NOT_FOUND);
      if (!isLiveGrant(grant, now)) throw new CaseException(CaseExceptionCode.GRANT_ENDED);
      grant.revokedAt = now;
      grant.revokedBy = admin.id;
      await tx.getRepository(ConfidentialGrant).update({ id }, { revokedAt: now, revokedBy: admin.id });
      const payload = { grantId: id, caseId: grant.caseId, granteeId: grant.granteeId, revokedAt: now.toISOString() };
      const by = { ...chainActor(admin), at: now };
      await this.audit.appendCaseEvent(tx, grant.caseId, by, 'GRANT_REVOKED', payload);
      await this.adminChain.append(tx, { type: 'GRANT_REVOKED', subjectId: grant.granteeId, payload, ...by });
      return toView(grant, now, (await this.codesOf([grant.caseId])).get(grant.caseId) ?? '');
    });
  }

  async list(): Promise<GrantView[]> {
    const now = this.clock.now();
    const rows = await this.source.getRepository(ConfidentialGrant).find({ order: { createdAt: 'DESC', id: 'ASC' } });
    const codes = await this.codesOf(rows.map((g) => g.caseId));
    return rows.map((g) => toView(g, now, codes.get(g.caseId) ?? ''));
  }

  private async codesOf(caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.source
      .getRepository(CaseEntity)
      .find({ where: { id: In([...new Set(caseIds)]) }, select: { id: true, code: true } });
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}

const toView = (g: ConfidentialGrant, now: Date, caseCode: string): GrantView => ({
  id: g.id,
  caseId: g.caseId,
  caseCode,
  schoolId: g.schoolId,
  granteeId: g.granteeId,
  grantedBy: g.grantedBy,
  reason: g.reason,
  expiresAt: g.expiresAt.toISOString(),
  createdAt: g.createdAt.toISOString(),
  revokedAt: g.revokedAt?.toISOString() ?? null,
  revokedBy: g.revokedBy,
  live: isLiveGrant(g, now),
});

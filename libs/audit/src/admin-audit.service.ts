import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { AdminAuditEvent } from './admin-audit-event.entity';
import { hashRecord } from './audit-hash';
import { ChainHead, verifyChain } from './chain-checks';

export type NewAdminAuditEvent = Omit<AdminAuditEvent, 'seq' | 'prevHash' | 'hash'>;
export type AdminChainVerdict = { valid: boolean; events: number; firstInvalidSeq?: number };

const hashOf = (e: Omit<AdminAuditEvent, 'hash'>): string =>
  hashRecord({
    chain: 'admin',
    seq: e.seq,
    type: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    subjectId: e.subjectId,
    payload: e.payload,
    requestId: e.requestId,
    at: e.at.toISOString(),
    prevHash: e.prevHash,
  });

@Injectable()
export class AdminAuditService {
  constructor(@InjectDataSource() private readonly source: DataSource) {}

  // One chain for the installation: an advisory lock hands out its sequence numbers one at a time.
  async append(tx: EntityManager, event: NewAdminAuditEvent): Promise<AdminAuditEvent> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dong-hanh:admin-audit'))`);
    const last = await this.head(tx);
    const row = { ...event, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? null };
    const full = { ...row, hash: hashOf(row) };
    await tx.getRepository(AdminAuditEvent).insert(full as QueryDeepPartialEntity<AdminAuditEvent>);
    return full;
  }

  list(): Promise<AdminAuditEvent[]> {
    return this.source.getRepository(AdminAuditEvent).find({ order: { seq: 'ASC' } });
  }

  // The newest event, what a checkpoint signs for this chain; null while the chain is empty. A caller inside a
  // transaction passes it, so that the read sees its own transaction's writes and holds no second connection.
  async head(manager: EntityManager = this.source.manager): Promise<ChainHead | null> {
    return manager
      .getRepository(AdminAuditEvent)
      .findOne({ where: {}, order: { seq: 'DESC' }, select: { seq: true, hash: true } });
  }

  eventAt(seq: number): Promise<{ hash: string } | null> {
    return this.source.getRepository(AdminAuditEvent).findOne({ where: { seq }, select: { hash: true } });
  }

  // The case chains' verification; nothing to hold this chain against but its own links, and the API answers
  // the verdict without its findings, as it always has.
  async verify(): Promise<AdminChainVerdict> {
    const { findings: _findings, ...verdict } = verifyChain(await this.list(), hashOf);
    return verdict;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, bySystem } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { migrateSnapshot } from '@dh/machines/case/engine';
import { MachineVersion } from '@dh/machines/case/registry';
import type { PersistedCase } from '@dh/machines/case/types';
import { CaseEntity } from './case.entity';

export type MigrationLine = {
  caseId: string;
  code: string | null;
  from: string | null;
  to: MachineVersion;
  state: string | null;
  ok: boolean;
  reason?: string;
};

// Moving a case to a newer machine is a decision, never a side effect of a deploy: chosen cases, a dry run
// first, each migration an event in the case's chain.
@Injectable()
export class CaseMigrationService {
  private readonly logger = new Logger(CaseMigrationService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  plan(caseIds: string[], to: MachineVersion): Promise<MigrationLine[]> {
    return inTransaction(this.source, async (tx) =>
      Promise.all(caseIds.map(async (id) => (await this.check(tx, id, to, false)).line)),
    );
  }

  async apply(caseIds: string[], to: MachineVersion, requestId: string): Promise<MigrationLine[]> {
    const lines: MigrationLine[] = [];
    // One transaction per case: a refused case does not hold back the others.
    for (const id of caseIds) {
      lines.push(
        await inTransaction(this.source, async (tx) => {
          const { line, row, next } = await this.check(tx, id, to, true);
          if (!line.ok || !row || !next) return line;
          const now = this.clock.now();
          await tx
            .getRepository(CaseEntity)
            .update({ id }, { machineVersion: to, snapshot: next, version: row.version + 1, updatedAt: now });
          // The state keeps its name across the machines: the event starts and ends where the case stands.
          const payload = { from: row.machineVersion, to };
          await this.audit.appendCaseEvent(tx, id, bySystem(requestId, now), 'MACHINE_MIGRATED', payload);
          this.logger.log({ msg: 'case migrated', caseId: id, from: row.machineVersion, to });
          return line;
        }),
      );
    }
    return lines;
  }

  private async check(tx: EntityManager, id: string, to: MachineVersion, lock: boolean) {
    const qb = tx.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await qb.getOne() : null;
    const base = {
      caseId: id,
      code: row?.code ?? null,
      from: row?.machineVersion ?? null,
      to,
      state: row?.state ?? null,
    };
    if (!row) return { line: { ...base, ok: false, reason: 'case not found' } };
    if (row.machineVersion === to) return { line: { ...base, ok: false, reason: `already on ${to}` } };
    if (row.machineVersion !== 'case@1')
      return { line: { ...base, ok: false, reason: `no migration from ${row.machineVersion}` } };
    try {
      const next: PersistedCase = migrateSnapshot(row.snapshot, to);
      return { line: { ...base, ok: true }, row, next };
    } catch (e) {
      return { line: { ...base, ok: false, reason: `state has no counterpart in ${to}: ${(e as Error).message}` } };
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService, AuditService, bySystem } from '@dh/audit';
import { ReencryptService } from '@dh/cases';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { caseScope, KeyRing } from '@dh/crypto';
import { DueCase, DueRow, dueQuery, toDueCase } from './retention-due';
import { loadRetentionPolicy, RetentionPolicy } from './retention-policy';

export type ShredSweep = { shredded: DueCase[] };

// At the end of a closed case's retention period its data key is destroyed: its sealed content (the case row,
// its records, consents, referrals and the trail's sealed fields) becomes unreadable wherever the ciphertext lies,
// while every chain still verifies (the hashes cover the ciphertext) and the figures still count the case (stage,
// dates, areas, risk and school are not sealed). One case per transaction, the shredding an event in its chain and
// in the admin chain.
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);
  readonly policy: RetentionPolicy;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ring: KeyRing,
    private readonly reencrypt: ReencryptService,
    private readonly audit: AuditService,
    private readonly adminAudit: AdminAuditService,
    private readonly clock: Clock,
  ) {
    this.policy = loadRetentionPolicy(config.retentionPolicyFile);
  }

  // The cases whose period is over now, oldest closure first.
  async due(now = this.clock.now(), tx: EntityManager = this.source.manager): Promise<DueCase[]> {
    const rows: DueRow[] = await tx.query(...dueQuery(this.policy, now, null));
    return rows.map(toDueCase);
  }

  async sweep(requestId = 'retention-sweep'): Promise<ShredSweep> {
    const now = this.clock.now();
    const shredded: DueCase[] = [];
    for (const candidate of await this.due(now)) {
      const done = await this.shred(candidate.id, now, requestId);
      if (done) shredded.push(done);
    }
    if (shredded.length) this.logger.log({ msg: 'case content shredded', cases: shredded.map((c) => c.id) });
    return { shredded };
  }

  // When a closed case's period ends (its shredding is due), whatever the time now; null when it is not closed,
  // is held, has a protection concern open, or is already shredded.
  async dueAtOf(tx: EntityManager, caseId: string): Promise<Date | null> {
    const [row]: DueRow[] = await tx.query(...dueQuery(this.policy, new Date(8.64e15), caseId));
    return row ? row.dueAt : null;
  }

  // Null when the case is no longer due once locked (held, reopened or shredded meanwhile by another instance).
  shred(caseId: string, now: Date, requestId: string): Promise<DueCase | null> {
    return this.source.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM "case" WHERE id = $1 FOR UPDATE`, [caseId]);
      const [row]: DueRow[] = await tx.query(...dueQuery(this.policy, now, caseId));
      if (!row) return null;
      const due = toDueCase(row);
      // Content written before keys per case, still under the shared key, moves under the case's key first.
      await this.reencrypt.reencryptCase(tx, caseId);
      const fact = {
        closedAt: due.closedAt.toISOString(),
        dueAt: due.dueAt.toISOString(),
        years: due.years,
        kinds: due.kinds,
      };
      await this.audit.appendCaseEvent(tx, caseId, bySystem(requestId, now), 'CASE_SHREDDED', fact);
      await this.ring.destroy(tx, caseScope(caseId));
      await tx.query(`UPDATE "case" SET shredded_at = $2 WHERE id = $1`, [caseId, now]);
      await this.adminAudit.append(tx, {
        type: 'CASE_SHREDDED',
        actorId: null,
        actorRole: 'system',
        subjectId: caseId,
        payload: { code: due.code, schoolId: due.schoolId, ...fact },
        requestId,
        at: now,
      });
      return due;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { Caller, chainActor } from '@dh/identity';
import { GUARDIANS_SEALED_AS, Learner } from '@dh/learners';
import { RetentionService } from '@dh/retention';
import { DataRequest, Refusal } from './data-request.entity';
import { DataRequestsService } from './data-requests.service';
import { DataRequestViewDto } from './dtos/data-request.dto';

// What an erased learner's row keeps: the figures' grade and sex; the name is gone.
export const ERASED_NAME = '(Đã xóa theo yêu cầu)';

type LearnerCase = {
  id: string;
  code: string;
  state: string;
  protection: string | null;
  legalHoldAt: Date | null;
  shreddedAt: Date | null;
};

// A request to erase or restrict: refused, with the legal reason for each case, while the records must be kept
// (a case still open, a child-protection concern still open, a legal hold, a retention period not over); else
// carried out by destroying each case's key as the retention sweep does, and for an erasure the learner's name and
// family too. Either way the answer is stored and the request's clock stops.
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly requests: DataRequestsService,
    private readonly retention: RetentionService,
    private readonly cipher: FieldCipher,
    private readonly adminAudit: AdminAuditService,
    private readonly clock: Clock,
  ) {}

  async carryOut(caller: Caller, requestId: string): Promise<DataRequestViewDto> {
    const { request, refusals, cases } = await inTransaction(this.source, async (tx) => {
      const row = await this.requests.openOfKind(tx, caller, requestId, ['erase', 'restrict']);
      const held = await this.casesOf(tx, row);
      return { request: row, cases: held, refusals: await this.refusals(tx, held) };
    });
    if (refusals.length) {
      return inTransaction(this.source, async (tx) => {
        const row = await this.requests.openOfKind(tx, caller, requestId, ['erase', 'restrict']);
        return this.requests.view(await this.requests.answer(tx, caller, row, 'refused', { refusals }));
      });
    }
    const now = this.clock.now();
    const shreddedCases: string[] = [];
    for (const c of cases.filter((k) => !k.shreddedAt)) {
      if (await this.retention.shred(c.id, now, `data-request:${request.id}`)) shreddedCases.push(c.id);
    }
    return inTransaction(this.source, async (tx) => {
      const row = await this.requests.openOfKind(tx, caller, requestId, ['erase', 'restrict']);
      const deidentified = row.kind === 'erase' ? await this.deidentify(tx, caller, row) : false;
      return this.requests.view(await this.requests.answer(tx, caller, row, 'done', { shreddedCases, deidentified }));
    });
  }

  private casesOf(tx: EntityManager, r: DataRequest): Promise<LearnerCase[]> {
    return tx.query(
      `SELECT id, code, state, snapshot->'value'->>'protection' AS protection, legal_hold_at AS "legalHoldAt",
              shredded_at AS "shreddedAt"
         FROM "case" WHERE learner_id = $1 AND school_id = $2 ORDER BY created_at`,
      [r.learnerId, r.schoolId],
    );
  }

  private async refusals(tx: EntityManager, cases: LearnerCase[]): Promise<Refusal[]> {
    const now = this.clock.now();
    const refusals: Refusal[] = [];
    for (const c of cases) {
      if (c.shreddedAt) continue;
      const refuse = (reason: Refusal['reason'], dueAt?: Date) =>
        refusals.push({ caseId: c.id, code: c.code, reason, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) });
      if (c.state.split('.')[0] !== 'closed') refuse('case_open');
      else if (c.protection === 'open') refuse('protection_concern_open');
      else if (c.legalHoldAt) refuse('legal_hold');
      else {
        const dueAt = await this.retention.dueAtOf(tx, c.id);
        if (dueAt && dueAt.getTime() > now.getTime()) refuse('retention_not_over', dueAt);
      }
    }
    return refusals;
  }

  // The learner's name, family and national learner ID (and its digest, which a roster import would match) are
  // cleared; birth date, sex and class stay for the figures (a grade, not a person).
  private async deidentify(tx: EntityManager, caller: Caller, r: DataRequest): Promise<boolean> {
    await tx.getRepository(Learner).update(
      { id: r.learnerId },
      {
        fullName: ERASED_NAME,
        nameKey: `erased:${r.learnerId}`,
        skeletonKey: `erased:${r.learnerId}`,
        guardians: this.cipher.sealJson([], GUARDIANS_SEALED_AS),
        nationalId: null,
        nationalIdDigest: null,
      },
    );
    await this.adminAudit.append(tx, {
      ...chainActor(caller),
      type: 'LEARNER_ERASED',
      subjectId: r.learnerId,
      payload: { schoolId: r.schoolId, dataRequestId: r.id },
      at: this.clock.now(),
    });
    return true;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@dh/audit';
import { CaseEntity, CaseService } from '@dh/cases';
import { Clock } from '@dh/clock';
import { caseScope, FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { Caller, chainActor } from '@dh/identity';
import { LegalHoldViewDto } from './dtos/legal-hold.dto';
import { RetentionException, RetentionExceptionCode } from './retention.exception';

export const LEGAL_HOLD_REASON_CONTEXT = 'case.legal_hold_reason';

// A supervisor keeps a case's content past its retention period (an inquiry, a court, an authority's request),
// with a reason, until they release it. Both in the case's chain; the reason sealed like the case's own words.
@Injectable()
export class LegalHoldService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  place(caller: Caller, caseId: string, reason: string): Promise<LegalHoldViewDto> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.legal_hold');
      if (row.shreddedAt) throw new RetentionException(RetentionExceptionCode.CASE_SHREDDED);
      if (row.legalHoldAt)
        throw new RetentionException(RetentionExceptionCode.LEGAL_HOLD_ALREADY_PLACED, {
          placedAt: row.legalHoldAt.toISOString(),
        });
      const now = this.clock.now();
      const text = reason.trim();
      const sealed = (await this.cipher.sealer(tx, caseScope(row.id))).seal(text, LEGAL_HOLD_REASON_CONTEXT);
      await tx
        .getRepository(CaseEntity)
        .update({ id: row.id }, { legalHoldReason: sealed, legalHoldBy: caller.id, legalHoldAt: now });
      await this.audit.appendCaseEvent(tx, row.id, { ...chainActor(caller), at: now }, 'LEGAL_HOLD_PLACED', {
        reason: text,
      });
      return { caseId: row.id, held: true, reason: text, placedBy: caller.id, placedAt: now.toISOString() };
    });
  }

  release(caller: Caller, caseId: string, reason: string): Promise<LegalHoldViewDto> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.legal_hold');
      if (!row.legalHoldAt) throw new RetentionException(RetentionExceptionCode.LEGAL_HOLD_NOT_PLACED);
      const now = this.clock.now();
      await tx
        .getRepository(CaseEntity)
        .update({ id: row.id }, { legalHoldReason: null, legalHoldBy: null, legalHoldAt: null });
      await this.audit.appendCaseEvent(tx, row.id, { ...chainActor(caller), at: now }, 'LEGAL_HOLD_RELEASED', {
        placedAt: row.legalHoldAt.toISOString(),
        reason: reason.trim(),
      });
      return { caseId: row.id, held: false, reason: null, placedBy: null, placedAt: null };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseService, ConfidentialAccess } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { Caller } from '@dh/identity';
import { Referral } from './referral.entity';
import { ReferralView, sealedFieldsOf, toReferralView } from './referral-view';

// Reading a case's referrals: whoever reads the case (policy 'referral.read'); the sealed fields only for those
// who read its confidential content, and that read is one VIEWED event of the case's chain.
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly confidential: ConfidentialAccess,
    private readonly cipher: FieldCipher,
  ) {}

  list(caller: Caller, caseId: string): Promise<{ items: ReferralView[] }> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, false, 'referral.read');
      const referrals = await tx.getRepository(Referral).find({ where: { caseId: row.id }, order: { seq: 'ASC' } });
      const reveal = await this.confidential.mayRead(tx, caller, row);
      const shown = [...new Set(referrals.flatMap(sealedFieldsOf))].sort().map((f) => `referral.${f}`);
      if (reveal && shown.length) await this.confidential.recordView(tx, caller, row, shown);
      return { items: await Promise.all(referrals.map((r) => toReferralView(r, this.cipher, reveal))) };
    });
  }
}

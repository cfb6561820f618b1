import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { Caller, IdentityException, IdentityExceptionCode } from '@dh/identity';
import { CaseReporter } from '../case-reporter.entity';
import { CaseService } from '../case.service';
import { ConfidentialAccess } from './confidential-access.service';
import { REPORTER_FIELDS, ReporterField, SEALED_CONTEXT } from './confidential-fields';

export type ReporterView = ({ anonymous: boolean } & Record<ReporterField, string | null>) | null;

// Who reported is confidential on its own (Decree 56 Art. 24): supervisors read it, a principal with a grant,
// and the counsellor who recorded it; no other counsellor, nobody else. Each read is a VIEWED event.
@Injectable()
export class ReporterService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly confidential: ConfidentialAccess,
    private readonly cipher: FieldCipher,
  ) {}

  read(caller: Caller, caseId: string): Promise<{ reporter: ReporterView }> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx);
      if (!(await this.confidential.mayReadReporter(tx, caller, row)))
        throw new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE);
      const reporter = await tx.getRepository(CaseReporter).findOneBy({ caseId });
      await this.confidential.recordView(tx, caller, row, ['reporter']);
      if (!reporter) return { reporter: null };
      const open = (field: ReporterField) =>
        reporter[field] === null ? null : this.cipher.open(reporter[field], SEALED_CONTEXT.reporter(field));
      const fields = await Promise.all(REPORTER_FIELDS.map(async (f) => [f, await open(f)] as const));
      return {
        reporter: {
          anonymous: reporter.anonymous,
          ...(Object.fromEntries(fields) as Record<ReporterField, string | null>),
        },
      };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseHistoryService, CaseService } from '@dh/cases';
import { Clock } from '@dh/clock';
import { ConsentService } from '@dh/consent';
import { inTransaction } from '@dh/database';
import { Caller } from '@dh/identity';
import { Learner, LearnerFamilyAccess, LearnerView } from '@dh/learners';
import { CaseRecordsService, ReferralsService } from '@dh/records';
import { DataRequestsService } from './data-requests.service';

export type LearnerExport = {
  generatedAt: string;
  requestId: string;
  learner: LearnerView;
  cases: {
    case: unknown;
    history: unknown;
    records: unknown;
    consents: unknown;
    referrals: unknown;
  }[];
};

// Everything held about a learner, for their (or their guardian's) access request: the learner and family, and
// every case of theirs with its history, records, consents and referrals, sealed content opened. Read through the
// same services as the app's own pages, so each read is recorded in the case's chain as the supervisor's. The
// reporter of a case is left out: who told the school is a third party's data, not the learner's.
@Injectable()
export class AccessExportService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly requests: DataRequestsService,
    private readonly family: LearnerFamilyAccess,
    private readonly cases: CaseService,
    private readonly histories: CaseHistoryService,
    private readonly records: CaseRecordsService,
    private readonly consents: ConsentService,
    private readonly referrals: ReferralsService,
    private readonly clock: Clock,
  ) {}

  async export(caller: Caller, requestId: string): Promise<LearnerExport> {
    const { request, learner } = await inTransaction(this.source, async (tx) => {
      const row = await this.requests.openOfKind(tx, caller, requestId, ['access']);
      const found = await tx.getRepository(Learner).findOneByOrFail({ id: row.learnerId });
      return { request: row, learner: (await this.family.views(tx, caller, [found]))[0] };
    });
    const caseIds: { id: string }[] = await this.source.query(
      `SELECT id FROM "case" WHERE learner_id = $1 AND school_id = $2 ORDER BY created_at`,
      [request.learnerId, request.schoolId],
    );
    const cases: LearnerExport['cases'] = [];
    for (const { id } of caseIds) {
      cases.push({
        case: await this.cases.get(caller, id),
        history: (await this.histories.history(caller, id)).items,
        records: await this.records.read(caller, id),
        consents: (await this.consents.list(caller, id)).items,
        referrals: (await this.referrals.list(caller, id)).items,
      });
    }
    await inTransaction(this.source, async (tx) => {
      const row = await this.requests.openOfKind(tx, caller, requestId, ['access']);
      await this.requests.answer(tx, caller, row, 'done', { exportedCases: caseIds.map((c) => c.id) });
    });
    return { generatedAt: this.clock.now().toISOString(), requestId, learner, cases };
  }
}

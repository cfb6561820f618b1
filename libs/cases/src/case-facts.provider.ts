import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CaseFacts, CaseFactsPort } from '@dh/escalations';
import { CaseEntity } from './case.entity';

// Answers escalations' questions about cases (it sits below this library, so it asks through its port).
@Injectable()
export class CaseFactsProvider implements OnModuleInit {
  constructor(private readonly port: CaseFactsPort) {}

  onModuleInit(): void {
    this.port.provide({ factsOf: (tx, ids) => this.factsOf(tx, ids) });
  }

  async factsOf(tx: EntityManager, caseIds: string[]): Promise<Map<string, CaseFacts>> {
    const rows = await tx.getRepository(CaseEntity).find({
      where: { id: In(caseIds) },
      select: { id: true, code: true, assigneeId: true, riskLevel: true },
    });
    return new Map(rows.map((c) => [c.id, { code: c.code, assigneeId: c.assigneeId, riskLevel: c.riskLevel }]));
  }
}

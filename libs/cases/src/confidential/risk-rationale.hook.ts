import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { caseScope, FieldCipher } from '@dh/crypto';
import type { CaseEventType } from '@dh/machines/case/types';
import { CARER_SUSPECTED_RATIONALE } from '@dh/machines/case/v2/rules';
import { CASE_EVENT_TYPES } from '../dtos/event-payloads';
import { TransitionHooks, TransitionStep } from '../transition-hooks';
import { SEALED_CONTEXT } from './confidential-fields';

const RISK_EVENTS = ['COMPLETE_ASSESSMENT', 'UPDATE_RISK'] as const;
const saysWhy = (type: CaseEventType): boolean => (RISK_EVENTS as readonly CaseEventType[]).includes(type);

// The case row's risk rationale, sealed at rest: an assessment or a risk update says why; only a concern with the
// carer suspected changes the risk without saying why, and then the machine's reason stands in, and the trail says
// the risk was raised by it.
@Injectable()
export class RiskRationaleHook implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly cipher: FieldCipher,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      events: RISK_EVENTS,
      beforeWrite: async ({ tx, row, payload }) => ({
        riskRationale: await this.seal(tx, row.id, payload.riskRationale),
      }),
    });
    this.hooks.register({
      events: CASE_EVENT_TYPES.filter((type) => !saysWhy(type)),
      beforeWrite: async (step) =>
        riskImplied(step) ? { riskRationale: await this.seal(step.tx, step.row.id, CARER_SUSPECTED_RATIONALE) } : {},
      record: async (s) => (riskImplied(s) ? { riskRaised: { from: s.fromRisk, to: s.row.riskLevel } } : {}),
    });
  }

  private async seal(tx: EntityManager, caseId: string, rationale: string): Promise<string> {
    return (await this.cipher.sealer(tx, caseScope(caseId))).seal(rationale, SEALED_CONTEXT.riskRationale);
  }
}

// `row` is the case as the machine's step left it (beforeWrite, record).
const riskImplied = ({ row, fromRisk }: TransitionStep): boolean => row.riskLevel !== fromRisk;

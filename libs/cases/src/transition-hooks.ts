import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '@dh/identity';
import type { CaseEventType, RiskLevel } from '@dh/machines/case/types';
import { CaseEntity } from './case.entity';

// What a hook sees of one transition. `row` is the case as it stood before the event (prepare), as the machine's
// step left it but not yet written (beforeWrite), or as written (record); `fromState` and `fromRisk` are what the
// case was before. `tx` is the transition's own transaction: a hook never opens another.
export type TransitionStep = {
  tx: EntityManager;
  caller: Caller;
  row: CaseEntity;
  type: CaseEventType;
  payload: Record<string, unknown>;
  fromState: string;
  fromRisk: RiskLevel;
  at: Date;
};

// The case row's columns a feature keeps (the risk's sealed rationale, the ward's referral window), as
// `beforeWrite` returns them. Only these: the stage, snapshot, assignee, risk and version are the machine's and
// the transition's.
export type FeatureColumns = Partial<Pick<CaseEntity, 'riskRationale' | 'referredToWardAt'>>;

// A feature with its own rule for some events plugs in here instead of the transition service knowing it: its
// rows (libs/records: assessment, plan, referral, closure), its columns of the case row, its alerts. Any phase may
// throw a refusal: the whole transition is then rolled back.
export type TransitionHook = {
  events: readonly CaseEventType[];
  // After the machine's check (the state takes the event, the caller may attempt it), before its payload rules and
  // step: checks that need the database and completes the payload the machine and the trail see (a directory
  // receiver's name from its id). Returns the payload to use.
  prepare?: (step: TransitionStep) => Promise<Record<string, unknown>>;
  // After the machine's step, before the case row is written: checks that wait for the machine's payload rules (an
  // assignee it would take), and the feature's columns of the case row. Returned rather than written, so the row
  // is written once, whole, with the event.
  beforeWrite?: (step: TransitionStep) => Promise<FeatureColumns | void>;
  // After the case row is written, before the audit event: stores the event's record rows. What it returns
  // is added to the event's payload in the trail (ids of the rows written, the consents relied on).
  record?: (step: TransitionStep) => Promise<Record<string, unknown> | void>;
};

// Registered by each feature module at init; run in registration order.
@Injectable()
export class TransitionHooks {
  private readonly hooks: TransitionHook[] = [];

  register(hook: TransitionHook): void {
    this.hooks.push(hook);
  }

  async prepare(step: TransitionStep): Promise<Record<string, unknown>> {
    let payload = step.payload;
    for (const hook of this.for(step.type)) if (hook.prepare) payload = await hook.prepare({ ...step, payload });
    return payload;
  }

  async beforeWrite(step: TransitionStep): Promise<FeatureColumns> {
    let columns: FeatureColumns = {};
    for (const hook of this.for(step.type)) {
      if (hook.beforeWrite) columns = { ...columns, ...((await hook.beforeWrite(step)) ?? {}) };
    }
    return columns;
  }

  async record(step: TransitionStep): Promise<Record<string, unknown>> {
    let extra: Record<string, unknown> = {};
    for (const hook of this.for(step.type)) if (hook.record) extra = { ...extra, ...((await hook.record(step)) ?? {}) };
    return extra;
  }

  private for(type: CaseEventType): TransitionHook[] {
    return this.hooks.filter((h) => h.events.includes(type));
  }
}

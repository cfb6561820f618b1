import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '@dh/identity';
import type { CaseEventType, RiskLevel } from '@dh/machines/case/types';
import { CaseEntity } from './case.entity';
import type { EventPayloads } from './dtos/event-payloads';

type StepBase = {
  tx: EntityManager;
  caller: Caller;
  row: CaseEntity;
  fromState: string;
  fromRisk: RiskLevel;
  at: Date;
};

// What a hook sees of one transition. `row` is the case as it stood before the event (prepare), as the machine's
// step left it (beforeWrite), or whole as it is about to be written (record); `fromState` and `fromRisk` are what the
// case was before. `tx` is the transition's own transaction: a hook never opens another. The payload is typed by
// the event: a hook registered for ['REFER'] reads a ReferPayload; one for several narrows on `type`.
export type TransitionStep<T extends CaseEventType = CaseEventType> = {
  [K in T]: StepBase & { type: K; payload: EventPayloads[K] };
}[T];

// The transition service's view: the payload validated against its event's class (validateEventPayload).
export type CaseStep = StepBase & { type: CaseEventType; payload: Record<string, unknown> };

// The case row's columns a feature keeps (the risk's sealed rationale, the ward's referral window), as
// `beforeWrite` returns them. Only these: the stage, snapshot, assignee, risk and version are the machine's and
// the transition's.
export type FeatureColumns = Partial<Pick<CaseEntity, 'riskRationale' | 'referredToWardAt'>>;

// A feature with its own rule for some events plugs in here instead of the transition service knowing it: its
// rows (libs/records: assessment, plan, referral, closure), its columns of the case row, its alerts. Any phase may
// throw a refusal: the whole transition is then rolled back. Method syntax: a hook of some events stands among
// the hooks of any.
export type TransitionHook<T extends CaseEventType = CaseEventType> = {
  events: readonly T[];
  // After the machine's check (the state takes the event, the caller may attempt it), before its payload rules and
  // step: checks that need the database and completes the payload the machine and the trail see (a directory
  // receiver's name from its id). Returns the payload to use.
  prepare?(step: TransitionStep<T>): Promise<EventPayloads[T]>;
  // After the machine's step, before the case row is written: checks that wait for the machine's payload rules (an
  // assignee it would take), and the feature's columns of the case row. Returned rather than written, so the row
  // is written once, whole, with the event.
  beforeWrite?(step: TransitionStep<T>): Promise<FeatureColumns | void>;
  // With `row` as it will be written, just before the event's statement writes it with the trail: stores the
  // event's record rows. What it returns is added to the event's payload in the trail (ids of the rows written,
  // the consents relied on). So the row goes to the database once: a hook reads it from `row`, never back from the
  // database, and appends no case event of its own (appendCaseEvent reads the stage stored on the row).
  record?(step: TransitionStep<T>): Promise<Record<string, unknown> | void>;
};

// Registered by each feature module at init; run in registration order.
@Injectable()
export class TransitionHooks {
  private readonly hooks: TransitionHook[] = [];

  register<T extends CaseEventType>(hook: TransitionHook<T>): void {
    this.hooks.push(hook);
  }

  async prepare(step: CaseStep): Promise<Record<string, unknown>> {
    let payload = step.payload;
    for (const hook of this.for(step.type)) if (hook.prepare) payload = await hook.prepare(typed({ ...step, payload }));
    return payload;
  }

  async beforeWrite(step: CaseStep): Promise<FeatureColumns> {
    let columns: FeatureColumns = {};
    for (const hook of this.for(step.type)) {
      if (hook.beforeWrite) columns = { ...columns, ...((await hook.beforeWrite(typed(step))) ?? {}) };
    }
    return columns;
  }

  async record(step: CaseStep): Promise<Record<string, unknown>> {
    let extra: Record<string, unknown> = {};
    for (const hook of this.for(step.type))
      if (hook.record) extra = { ...extra, ...((await hook.record(typed(step))) ?? {}) };
    return extra;
  }

  private for(type: CaseEventType): TransitionHook[] {
    return this.hooks.filter((h) => h.events.includes(type));
  }
}

// The one place a payload becomes its event's type: the service validated it against that event's class before any
// hook runs, and a hook is called only for the events it registered.
const typed = (step: CaseStep): TransitionStep => step as TransitionStep;

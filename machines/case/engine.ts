import { AnyMachineSnapshot, AnyStateMachine, initialTransition, transition } from 'xstate';
import { caseMachines, MachineVersion } from './registry';
import type { Actor, CaseContext, CaseEvent, CaseEventType, CaseInput, PersistedCase, StateMeta, StateValue, StepResult } from './types';

// The pure functions the database engine calls: the snapshot is rebuilt from the stored row on every call
// (machine.resolveState), transitioned with xstate's pure `transition`, and handed back to be stored.

const machineOf = (version: MachineVersion): AnyStateMachine => caseMachines[version].machine;

export const statePath = (value: StateValue): string =>
  typeof value === 'string' ? value : Object.entries(value).map(([k, v]) => `${k}.${statePath(v)}`)[0];

const persist = (snapshot: AnyMachineSnapshot): PersistedCase => ({
  value: snapshot.value as StateValue,
  context: { ...(snapshot.context as CaseContext) },
});

export class InvalidSnapshotError extends Error {}

const restore = (version: MachineVersion, persisted: unknown): AnyMachineSnapshot => {
  const p = persisted as Partial<PersistedCase> | null;
  if (!p || typeof p !== 'object' || p.value === undefined || !p.context || typeof p.context !== 'object') {
    throw new InvalidSnapshotError(`stored ${version} snapshot is malformed`);
  }
  try {
    return machineOf(version).resolveState({ value: p.value, context: p.context });
  } catch (e) {
    throw new InvalidSnapshotError(`stored ${version} state ${JSON.stringify(p.value)} does not exist in the machine: ${(e as Error).message}`);
  }
};

export const startCase = (version: MachineVersion, input: CaseInput): { snapshot: PersistedCase; state: string; context: CaseContext } => {
  const [snapshot] = initialTransition(machineOf(version), input);
  const persisted = persist(snapshot);
  return { snapshot: persisted, state: statePath(persisted.value), context: persisted.context };
};

// Events the active state nodes (leaf and ancestors) handle, whoever asks. Not `ownEvents`: it leaves out
// transitions without target or action, and ADD_NOTE is exactly that (its record is the audit event).
export const acceptedEvents = (version: MachineVersion, persisted: unknown): CaseEventType[] => {
  const snapshot = restore(version, persisted);
  const events = new Set<string>(snapshot._nodes.flatMap((n) => [...n.transitions.keys()]));
  return [...events].sort() as CaseEventType[];
};

export const allowedEventsFor = (version: MachineVersion, persisted: unknown, actor: Actor): CaseEventType[] => {
  const { mayAttempt } = caseMachines[version].rules;
  const context = restore(version, persisted).context as CaseContext;
  return acceptedEvents(version, persisted).filter((type) => mayAttempt(context, type, actor) === null);
};

export const stepCase = (version: MachineVersion, persisted: unknown, event: CaseEvent): StepResult => {
  const before = restore(version, persisted);
  if (!acceptedEvents(version, persisted).includes(event.type)) {
    return { ok: false, kind: 'not_allowed', allowedEvents: allowedEventsFor(version, persisted, event.actor) };
  }
  const refusal = caseMachines[version].rules.checkEvent(before.context as CaseContext, event);
  if (refusal) return { ok: false, kind: 'refused', refusal };
  const [after] = transition(machineOf(version), before, event);
  const next = persist(after);
  return {
    ok: true,
    snapshot: next,
    state: statePath(next.value),
    context: next.context,
    changed: JSON.stringify(next) !== JSON.stringify(persist(before)),
  };
};

export const stateMetaOf = (version: MachineVersion, state: string): StateMeta => {
  const node = state.split('.').reduce<AnyStateMachine['root'] | undefined>((n, key) => n?.states[key], machineOf(version).root);
  if (!node) throw new InvalidSnapshotError(`${version} has no state ${state}`);
  return node.meta as StateMeta;
};

// Every deadline kind any published machine declares: what an SLA policy file may name.
export const allDeadlineKinds = (): string[] => {
  const kinds = new Set<string>();
  const walk = (node: AnyStateMachine['root']): void => {
    for (const d of (node.meta as StateMeta | undefined)?.deadlines ?? []) kinds.add(d.kind);
    Object.values(node.states).forEach((child) => walk(child as AnyStateMachine['root']));
  };
  Object.values(caseMachines).forEach(({ machine }) => walk(machine.root));
  return [...kinds].sort();
};

import { AnyMachineSnapshot, AnyStateMachine, initialTransition, transition } from 'xstate';
import { caseMachines, MachineVersion } from './registry';
import type {
  Actor, CaseContext, CaseEvent, CaseEventType, CaseInput, CheckResult, PersistedCase, StateMeta, StateValue, StepResult,
} from './types';

// The pure functions the database engine calls: the snapshot is rebuilt from the stored row on every call
// (machine.resolveState), transitioned with xstate's pure `transition`, and handed back to be stored.

const machineOf = (version: MachineVersion): AnyStateMachine => caseMachines[version].machine;

const path = (value: StateValue): string =>
  typeof value === 'string' ? value : Object.entries(value).map(([k, v]) => `${k}.${path(v)}`)[0];

// The stage a case is in: 'referral.pending'. From case@2 on, the stages are one region of several.
export const statePath = (value: StateValue): string =>
  typeof value === 'object' && 'stage' in value ? path(value.stage) : path(value);

// Every active leaf, named as deadline rows name their state: stage leaves without the region ('assessment'),
// other regions with theirs ('protection.open').
const leavesOf = (snapshot: AnyMachineSnapshot): string[] =>
  snapshot._nodes
    .filter((n) => n.type === 'atomic')
    .map((n) => (n.path[0] === 'stage' ? n.path.slice(1) : n.path).join('.'))
    .sort();

export const protectionOf = (persisted: unknown): 'none' | 'open' | 'notified' | null => {
  const value = (persisted as Partial<PersistedCase> | null)?.value;
  return value && typeof value === 'object' && typeof value.protection === 'string' ? (value.protection as 'none' | 'open' | 'notified') : null;
};

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

export const startCase = (version: MachineVersion, input: CaseInput): { snapshot: PersistedCase; state: string; leaves: string[]; context: CaseContext } => {
  const [snapshot] = initialTransition(machineOf(version), input);
  const persisted = persist(snapshot);
  return { snapshot: persisted, state: statePath(persisted.value), leaves: leavesOf(snapshot), context: persisted.context };
};

export const activeLeaves = (version: MachineVersion, persisted: unknown): string[] => leavesOf(restore(version, persisted));

// Events the active state nodes (leaf and ancestors) handle, whoever asks. Not `ownEvents`: it leaves out
// transitions without target or action, and ADD_NOTE is exactly that (its record is the audit event).
export const acceptedEvents = (version: MachineVersion, persisted: unknown): CaseEventType[] => {
  const snapshot = restore(version, persisted);
  const events = new Set<string>(snapshot._nodes.flatMap((n) => [...n.transitions.keys()]));
  return [...events].sort() as CaseEventType[];
};

export const allowedEventsFor = (version: MachineVersion, persisted: unknown, actor: Actor): CaseEventType[] => {
  const { mayAttempt } = caseMachines[version].rules;
  const snapshot = restore(version, persisted);
  const stage = statePath(snapshot.value as StateValue);
  return acceptedEvents(version, persisted).filter((type) => mayAttempt(snapshot.context as CaseContext, type, actor, stage) === null);
};

// Does this state take the event, and may this actor attempt it? Answered before the hooks read the database,
// so a wrong state or caller is told as such rather than by whatever a hook looks up first (a receiver, a
// learner). The payload waits for `stepCase`: hooks may still complete it (a receiver's name from its id).
export const checkCase = (version: MachineVersion, persisted: unknown, type: CaseEventType, actor: Actor): CheckResult => {
  const snapshot = restore(version, persisted);
  if (!acceptedEvents(version, persisted).includes(type)) {
    return { ok: false, kind: 'not_allowed', allowedEvents: allowedEventsFor(version, persisted, actor) };
  }
  const refusal = caseMachines[version].rules.mayAttempt(snapshot.context as CaseContext, type, actor, statePath(snapshot.value as StateValue));
  return refusal ? { ok: false, kind: 'refused', refusal } : { ok: true };
};

// Checks again (it stays safe on its own), then the payload rules, then the transition.
export const stepCase = (version: MachineVersion, persisted: unknown, event: CaseEvent): StepResult => {
  const checked = checkCase(version, persisted, event.type, event.actor);
  if (!checked.ok) return checked;
  const before = restore(version, persisted);
  const refusal = caseMachines[version].rules.checkEvent(before.context as CaseContext, event, statePath(before.value as StateValue));
  if (refusal) return { ok: false, kind: 'refused', refusal };
  const [after] = transition(machineOf(version), before, event);
  const next = persist(after);
  return {
    ok: true,
    snapshot: next,
    state: statePath(next.value),
    leaves: leavesOf(after),
    context: next.context,
    changed: JSON.stringify(next) !== JSON.stringify(persist(before)),
  };
};

// Meta of a leaf as activeLeaves names it; a stage leaf of case@2 lives under its 'stage' region.
export const stateMetaOf = (version: MachineVersion, leaf: string): StateMeta => {
  const root = machineOf(version).root;
  const walk = (from: AnyStateMachine['root'] | undefined) =>
    leaf.split('.').reduce<AnyStateMachine['root'] | undefined>((n, key) => n?.states[key], from);
  const node = walk(root) ?? walk(root.states.stage);
  if (!node) throw new InvalidSnapshotError(`${version} has no state ${leaf}`);
  return node.meta as StateMeta;
};

// Every deadline kind any published machine declares: what an SLA policy file may name.
export const allDeadlineKinds = (): string[] => {
  const kinds = new Set<string>();
  const walk = (node: AnyStateMachine['root']): void => {
    for (const d of (node.meta as StateMeta | undefined)?.deadlines ?? []) kinds.add(d.kind);
    Object.values(node.states).forEach((child) => walk(child));
  };
  Object.values(caseMachines).forEach(({ machine }) => walk(machine.root));
  return [...kinds].sort();
};

// case@1 → case@2: the same stage, no protection concern yet. A stage case@2 does not know is refused.
export const migrateSnapshot = (persisted: unknown, to: MachineVersion): PersistedCase => {
  const p = persisted as PersistedCase;
  if (to !== 'case@2') throw new InvalidSnapshotError(`no migration to ${to}`);
  const next: PersistedCase = { value: { stage: p.value, protection: 'none' }, context: { ...p.context } };
  restore(to, next);
  return next;
};

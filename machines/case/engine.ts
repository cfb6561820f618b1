import { AnyActorScope, AnyMachineSnapshot, AnyStateMachine, createActor, initialTransition } from 'xstate';
import { caseMachines, MachineVersion } from './registry';
import type {
  Actor,
  CaseContext,
  CaseEvent,
  CaseEventType,
  CaseInput,
  CheckResult,
  PersistedCase,
  Refusal,
  StateMeta,
  StateValue,
  StepResult,
} from './types';

// The pure functions the database engine calls: the snapshot is rebuilt from the stored row once per request
// (machine.resolveState, in loadCase), transitioned with xstate's pure `transition`, and handed back to be stored.

const machineOf = (version: MachineVersion): AnyStateMachine => caseMachines[version].machine;

// xstate's `transition(machine, snapshot, event)` builds a throwaway actor on every call, and that actor computes
// the machine's initial state (throwing inside, for want of input): a tenth of a millisecond per event. This is
// the same pure step over one inert scope per machine, made once: the case machines spawn no actors and a pure
// step executes no action, so nothing in the scope carries from one call to the next.
const INERT_INPUT: CaseInput = { openedBy: null, assigneeId: null, riskLevel: 'low', learnerKnown: true };
const scopes = new Map<MachineVersion, AnyActorScope>();
const inertScopeOf = (version: MachineVersion): AnyActorScope => {
  const known = scopes.get(version);
  if (known) return known;
  const self = createActor(machineOf(version), { input: INERT_INPUT });
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: () => {},
  };
  scopes.set(version, scope);
  return scope;
};
const transition = (version: MachineVersion, snapshot: AnyMachineSnapshot, event: CaseEvent): AnyMachineSnapshot =>
  machineOf(version).transition(snapshot, event, inertScopeOf(version));

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
  return value && typeof value === 'object' && typeof value.protection === 'string'
    ? (value.protection as 'none' | 'open' | 'notified')
    : null;
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
    throw new InvalidSnapshotError(
      `stored ${version} state ${JSON.stringify(p.value)} does not exist in the machine: ${(e as Error).message}`,
    );
  }
};

export type StartedCase = { snapshot: PersistedCase; state: string; leaves: string[] };

export const startCase = (version: MachineVersion, input: CaseInput): StartedCase => {
  const [snapshot] = initialTransition(machineOf(version), input);
  const persisted = persist(snapshot);
  return { snapshot: persisted, state: statePath(persisted.value), leaves: leavesOf(snapshot) };
};

// One stored case, restored once: what a request asks of the machine (is this event taken, by whom, and the
// step itself) is answered over the same snapshot, and a rule of who may attempt what is asked once per event
// and actor. Built per request from the row it locked or read; the step hands back the case after it, so the
// answer's view needs no second restore.
export type LoadedCase = {
  leaves: () => string[];
  acceptedEvents: () => CaseEventType[];
  allowedEvents: (actor: Actor) => CaseEventType[];
  check: (type: CaseEventType, actor: Actor) => CheckResult;
  step: (event: CaseEvent) => LoadedStep;
};
export type LoadedStep =
  Exclude<StepResult, { ok: true }> | (Extract<StepResult, { ok: true }> & { after: LoadedCase });

export const loadCase = (version: MachineVersion, persisted: unknown): LoadedCase =>
  over(version, restore(version, persisted));

const over = (version: MachineVersion, snapshot: AnyMachineSnapshot): LoadedCase => {
  const rules = caseMachines[version].rules;
  const context = snapshot.context as CaseContext;
  const stage = statePath(snapshot.value as StateValue);
  // Events the active state nodes (leaf and ancestors) handle, whoever asks. Not `ownEvents`: it leaves out
  // transitions without target or action, and ADD_NOTE is exactly that (its record is the audit event).
  const handled = new Set<string>(snapshot._nodes.flatMap((n) => [...n.transitions.keys()]));
  const accepted = [...handled].sort() as CaseEventType[];
  const attempts = new Map<string, Refusal | null>();
  const mayAttempt = (type: CaseEventType, actor: Actor): Refusal | null => {
    const key = `${type} ${actor.id} ${actor.roles.join(',')}`;
    if (!attempts.has(key)) attempts.set(key, rules.mayAttempt(context, type, actor, stage));
    return attempts.get(key) ?? null;
  };
  const allowedEvents = (actor: Actor) => accepted.filter((type) => mayAttempt(type, actor) === null);
  // Does this state take the event, and may this actor attempt it? Answered before the hooks read the database,
  // so a wrong state or caller is told as such rather than by whatever a hook looks up first (a receiver, a
  // learner). The payload waits for `step`: hooks may still complete it (a receiver's name from its id).
  const check = (type: CaseEventType, actor: Actor): CheckResult => {
    if (!accepted.includes(type)) return { ok: false, kind: 'not_allowed', allowedEvents: allowedEvents(actor) };
    const refusal = mayAttempt(type, actor);
    return refusal ? { ok: false, kind: 'refused', refusal } : { ok: true };
  };
  // Checks again (it stays safe on its own; an earlier check of the same event is not asked twice), then the
  // payload rules, then the transition.
  const step = (event: CaseEvent): LoadedStep => {
    const checked = check(event.type, event.actor);
    if (!checked.ok) return checked;
    const refusal = rules.checkEvent(context, event, stage);
    if (refusal) return { ok: false, kind: 'refused', refusal };
    const after = transition(version, snapshot, event);
    const next = persist(after);
    return {
      ok: true,
      snapshot: next,
      state: statePath(next.value),
      leaves: leavesOf(after),
      context: next.context,
      after: over(version, after),
    };
  };
  return { leaves: () => leavesOf(snapshot), acceptedEvents: () => [...accepted], allowedEvents, check, step };
};

// One question each, for callers that ask only that one.
export const activeLeaves = (version: MachineVersion, persisted: unknown): string[] =>
  loadCase(version, persisted).leaves();
export const acceptedEvents = (version: MachineVersion, persisted: unknown): CaseEventType[] =>
  loadCase(version, persisted).acceptedEvents();
export const allowedEventsFor = (version: MachineVersion, persisted: unknown, actor: Actor): CaseEventType[] =>
  loadCase(version, persisted).allowedEvents(actor);
export const checkCase = (
  version: MachineVersion,
  persisted: unknown,
  type: CaseEventType,
  actor: Actor,
): CheckResult => loadCase(version, persisted).check(type, actor);
export const stepCase = (version: MachineVersion, persisted: unknown, event: CaseEvent): StepResult =>
  loadCase(version, persisted).step(event);

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

// The learner of a report from the public form is named outside the machine's events (libs/intake): the context
// follows, and START_ASSESSMENT with it.
export const withLearnerKnown = (persisted: unknown): PersistedCase => {
  const p = persisted as PersistedCase;
  return { value: p.value, context: { ...p.context, learnerKnown: true } };
};

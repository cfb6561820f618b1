import { transition } from 'xstate';
import { loadCase, startCase, stepCase } from '../engine';
import { caseMachines } from '../registry';
import type { Actor, CaseEvent, PersistedCase } from '../types';
import { RULES_V1 } from '../v1/rules';

const V = 'case@2';
const tv: Actor = { id: 'tv-1', roles: ['counsellor'] };
const { machine, rules } = caseMachines[V];

const assessing = (): PersistedCase => {
  const opened = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'low', learnerKnown: true }).snapshot;
  const r = stepCase(V, opened, { type: 'START_ASSESSMENT', actor: tv, payload: {} });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.snapshot;
};
const complete: CaseEvent = {
  type: 'COMPLETE_ASSESSMENT',
  actor: tv,
  payload: { riskLevel: 'high', riskRationale: 'r', difficulties: 'd', needs: 'n' },
};

// Spies on the registry's machine and rules: the engine's own calls, not the machine's guards (which call their
// version's rules directly, so the machine stays safe on its own).
describe('loadCase: one restore per request', () => {
  afterEach(() => jest.restoreAllMocks());

  it('restores once, asks mayAttempt and checkEvent once for the event, through check, step, leaves and view', () => {
    const persisted = assessing();
    const resolveState = jest.spyOn(machine, 'resolveState');
    const mayAttempt = jest.spyOn(rules, 'mayAttempt');
    const checkEvent = jest.spyOn(rules, 'checkEvent');

    const loaded = loadCase(V, persisted);
    expect(loaded.check(complete.type, complete.actor)).toEqual({ ok: true });
    const stepped = loaded.step(complete);
    expect(loaded.leaves()).toEqual(['assessment', 'protection.none']);
    if (!stepped.ok) throw new Error(JSON.stringify(stepped));
    const allowedAfter = stepped.after.allowedEvents(tv);

    expect(stepped.leaves).toEqual(['planning', 'protection.none']);
    expect(allowedAfter).toContain('SUBMIT_PLAN');
    expect(resolveState).toHaveBeenCalledTimes(1);
    expect(checkEvent).toHaveBeenCalledTimes(1);
    const before = restoredContext(resolveState);
    const beforeTypes = mayAttempt.mock.calls.filter(([context]) => context === before).map(([, type]) => type);
    expect(beforeTypes).toEqual(['COMPLETE_ASSESSMENT']);
    // The view's question is asked of the case after the step, each event it takes once.
    const afterTypes = mayAttempt.mock.calls.filter(([context]) => context !== before).map(([, type]) => type);
    expect(new Set(afterTypes).size).toBe(afterTypes.length);
  });

  it('asks mayAttempt once per accepted event when the state does not take the event', () => {
    const persisted = assessing();
    const resolveState = jest.spyOn(machine, 'resolveState');
    const mayAttempt = jest.spyOn(rules, 'mayAttempt');
    const loaded = loadCase(V, persisted);

    const checked = loaded.check('APPROVE_PLAN', tv);
    expect(checked).toMatchObject({ ok: false, kind: 'not_allowed' });
    expect(loaded.step({ type: 'APPROVE_PLAN', actor: tv, payload: {} })).toEqual(checked);

    expect(resolveState).toHaveBeenCalledTimes(1);
    expect(mayAttempt.mock.calls.map(([, type]) => type)).toEqual(loaded.acceptedEvents());
  });

  it('stepCase on its own restores once and asks mayAttempt once', () => {
    const persisted = assessing();
    const resolveState = jest.spyOn(machine, 'resolveState');
    const mayAttempt = jest.spyOn(rules, 'mayAttempt');
    const checkEvent = jest.spyOn(rules, 'checkEvent');

    expect(stepCase(V, persisted, complete)).toMatchObject({ ok: true, state: 'planning' });
    expect(resolveState).toHaveBeenCalledTimes(1);
    expect(mayAttempt).toHaveBeenCalledTimes(1);
    expect(checkEvent).toHaveBeenCalledTimes(1);
  });

  // The machine's guards ask the rules again during the transition (so the machine stays safe on its own): the
  // verdict the engine reached for this event on this case stands for them, and a rule runs once per step.
  it('runs an event’s payload rule once per step, the machine’s guards included', () => {
    const supervisor: Actor = { id: 'tt-1', roles: ['supervisor'] };
    const payloadRule = jest.spyOn(RULES_V1.REASSIGN, 'with');
    const reassign: CaseEvent = { type: 'REASSIGN', actor: supervisor, payload: { assigneeId: 'tv-2' } };

    const stepped = loadCase(V, assessing()).step(reassign);

    expect(stepped).toMatchObject({ ok: true, context: { assigneeId: 'tv-2' } });
    expect(payloadRule).toHaveBeenCalledTimes(1);
  });

  it('still refuses in the guard an event the engine never checked, and lets the assignee through', () => {
    const restored = machine.resolveState(assessing());
    const raise = (actor: Actor) =>
      transition(machine, restored, { type: 'UPDATE_RISK', actor, payload: { riskLevel: 'high' } })[0];

    expect(raise({ id: 'tv-9', roles: ['counsellor'] }).context).toMatchObject({ riskLevel: 'low' });
    expect(raise(tv).context).toMatchObject({ riskLevel: 'high' });
  });
});

const restoredContext = (spy: jest.SpyInstance): unknown => (spy.mock.results[0].value as { context: unknown }).context;

import { EscalationSweepService } from '@dh/escalations';
import { auth, Login } from './fixtures';
import { CaseBody } from './case-helpers';
import { TestAppOptions } from './test-app';
import { useTestWorld } from './test-world';

export type DeadlineBody = {
  kind: string;
  dueAt: string;
  startedAt: string;
  paused: boolean;
  remainingWorkingMs: number | null;
  level: string | null;
};

// The usual start of an escalation test file: a test world (useTestWorld) whose clock the test sets and whose
// sweep it runs by hand (the scheduler is off), and what people then read of a case's deadlines and alerts.
// Cases are read as the school's counsellor unless another reader is named.
export const useEscalationWorld = (env: Record<string, string> = {}, options: TestAppOptions = {}) => {
  const world = useTestWorld(env, options);
  const readCase = async (c: { id: string }, by: Login = world.w.users.counsellorA): Promise<CaseBody> =>
    (await world.t.http().get(`/api/cases/${c.id}`).set(auth(by)).expect(200)).body;
  return {
    world,
    sweep: () => world.t.app.get(EscalationSweepService).sweepOnce(),
    at: (iso: string) => world.t.clock.set(iso),
    readCase,
    // The case's deadline of that kind (undefined when it has none).
    deadlineOf: async (c: { id: string }, kind: string, by?: Login): Promise<DeadlineBody | undefined> =>
      ((await readCase(c, by)).deadlines as DeadlineBody[]).find((d) => d.kind === kind),
    // The levels of the alerts someone was sent about a case, sorted.
    alertLevels: async (who: Login, c: { id: string }): Promise<string[]> =>
      (
        await world.t.http().get('/api/alerts').query({ caseId: c.id, pageSize: 100 }).set(auth(who)).expect(200)
      ).body.items
        .map((a: { level: string }) => a.level)
        .sort(),
  };
};

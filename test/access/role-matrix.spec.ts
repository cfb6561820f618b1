import { Caller, decide, Action, actorIn } from '@dh/identity';
import { allowedEventsFor } from '@dh/machines/case/engine';
import { auth, buildWorld, Login, World } from '../support/fixtures';
import { createLearner, openCase } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';

type Role = 'counsellor' | 'supervisor' | 'principal' | 'ward_officer' | 'auditor' | 'admin';
type Ctx = 'own' | 'notAssigned' | 'other';
type CaseEndpoint = 'read' | 'history' | 'verify' | 'event' | 'pause';
type SchoolEndpoint = 'openCase' | 'createLearner' | 'submitReport';
type GlobalEndpoint = 'calendar' | 'resetPassword';

// What each role may do, written by hand from DESIGN.md's role table; the policy and the API must both agree.
const CASES: Record<Role, Record<Ctx, Record<CaseEndpoint, number>>> = {
  counsellor: {
    own: { read: 200, history: 200, verify: 200, event: 200, pause: 403 },
    notAssigned: { read: 200, history: 200, verify: 200, event: 422, pause: 403 },
    other: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
  },
  supervisor: {
    own: { read: 200, history: 200, verify: 200, event: 200, pause: 200 },
    notAssigned: { read: 200, history: 200, verify: 200, event: 200, pause: 200 },
    other: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
  },
  principal: {
    own: { read: 200, history: 200, verify: 200, event: 422, pause: 403 },
    notAssigned: { read: 200, history: 200, verify: 200, event: 422, pause: 403 },
    other: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
  },
  ward_officer: {
    own: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
    notAssigned: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
    other: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
  },
  auditor: {
    own: { read: 200, history: 200, verify: 200, event: 403, pause: 403 },
    notAssigned: { read: 200, history: 200, verify: 200, event: 403, pause: 403 },
    other: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
  },
  admin: {
    own: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
    notAssigned: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
    other: { read: 404, history: 404, verify: 404, event: 404, pause: 404 },
  },
};
const SCHOOLS: Record<Role, Record<'own' | 'other', Record<SchoolEndpoint, number>>> = {
  counsellor: { own: { openCase: 201, createLearner: 201, submitReport: 403 }, other: { openCase: 404, createLearner: 404, submitReport: 404 } },
  supervisor: { own: { openCase: 201, createLearner: 201, submitReport: 403 }, other: { openCase: 404, createLearner: 404, submitReport: 404 } },
  principal: { own: { openCase: 403, createLearner: 403, submitReport: 200 }, other: { openCase: 404, createLearner: 404, submitReport: 404 } },
  ward_officer: { own: { openCase: 404, createLearner: 404, submitReport: 404 }, other: { openCase: 404, createLearner: 404, submitReport: 404 } },
  auditor: { own: { openCase: 403, createLearner: 403, submitReport: 403 }, other: { openCase: 404, createLearner: 404, submitReport: 404 } },
  admin: { own: { openCase: 404, createLearner: 404, submitReport: 404 }, other: { openCase: 404, createLearner: 404, submitReport: 404 } },
};
const GLOBAL: Record<Role, Record<GlobalEndpoint, number>> = {
  counsellor: { calendar: 403, resetPassword: 403 },
  supervisor: { calendar: 403, resetPassword: 403 },
  principal: { calendar: 403, resetPassword: 403 },
  ward_officer: { calendar: 403, resetPassword: 403 },
  auditor: { calendar: 403, resetPassword: 403 },
  admin: { calendar: 200, resetPassword: 204 },
};
const ROLES = Object.keys(CASES) as Role[];
const CASE_ACTION: Record<CaseEndpoint, Action> = { read: 'case.read', history: 'case.history', verify: 'case.history', event: 'case.event', pause: 'case.clocks' };
const SCHOOL_ACTION: Record<SchoolEndpoint, Action> = { openCase: 'case.open', createLearner: 'learner.create', submitReport: 'report.submit' };
const GLOBAL_ACTION: Record<GlobalEndpoint, Action> = { calendar: 'admin.calendar', resetPassword: 'admin.users' };
const ok = (action: Action) => (action === 'case.open' || action === 'learner.create' ? 201 : action === 'admin.users' ? 204 : 200);
const status = (d: ReturnType<typeof decide>, success: number) => (d === 'not_found' ? 404 : d === 'forbidden' ? 403 : success);

describe('the role matrix: every role × every endpoint × own school / other school / not assigned', () => {
  let t: TestApp;
  let w: World;
  const who: Record<Role, Login> = {} as Record<Role, Login>;
  const callers = {} as Record<Role, Caller>;
  const cases = {} as Record<Ctx, { id: string; schoolId: string }>;
  const learners = {} as Record<'own' | 'other', string>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    Object.assign(who, { counsellor: w.users.counsellorA, supervisor: w.users.supervisorA, principal: w.users.principalA, ward_officer: w.users.wardW, auditor: w.users.auditorA, admin: w.users.adminW });
    for (const role of ROLES) callers[role] = { ...(await t.http().get('/api/me').set(auth(who[role])).expect(200)).body, requestId: 'matrix' };
    cases.own = { id: (await openCase(t, w)).id, schoolId: w.schoolA };
    cases.notAssigned = { id: (await openCase(t, w, { by: w.users.counsellorA2 })).id, schoolId: w.schoolA };
    cases.other = { id: (await openCase(t, w, { by: w.users.counsellorB, schoolId: w.schoolB })).id, schoolId: w.schoolB };
    learners.own = (await createLearner(t, w.users.supervisorA, w.schoolA)).id;
    learners.other = (await createLearner(t, w.users.supervisorB, w.schoolB)).id;
  });
  afterAll(() => t.close());

  // The expectation generated from the policy (and, for events, the machine's rules).
  const generated = async (role: Role, ctx: Ctx, endpoint: CaseEndpoint): Promise<number> => {
    const caller = callers[role];
    const seen = decide(caller, 'case.read', cases[ctx].schoolId);
    if (seen === 'not_found') return 404;
    const d = decide(caller, CASE_ACTION[endpoint], cases[ctx].schoolId);
    if (d !== 'allow' || endpoint !== 'event') return status(d, 200);
    const row = (await t.http().get(`/api/cases/${cases[ctx].id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    const snapshot = { value: { stage: row.state, protection: row.protection }, context: { assigneeId: row.assigneeId, riskLevel: row.riskLevel, openedBy: row.openedBy, submittedBy: null } };
    return allowedEventsFor('case@2', snapshot, actorIn(caller, cases[ctx].schoolId)).includes('ADD_NOTE') ? 200 : 422;
  };

  const call = async (role: Role, ctx: Ctx, endpoint: CaseEndpoint): Promise<number> => {
    const id = cases[ctx].id;
    const h = auth(who[role]);
    switch (endpoint) {
      case 'read': return (await t.http().get(`/api/cases/${id}`).set(h)).status;
      case 'history': return (await t.http().get(`/api/cases/${id}/history`).set(h)).status;
      case 'verify': return (await t.http().get(`/api/cases/${id}/history/verify`).set(h)).status;
      case 'event': {
        const version = (await t.http().get(`/api/cases/${id}`).set(auth(ctx === 'other' ? w.users.supervisorB : w.users.supervisorA)).expect(200)).body.version;
        return (await t.http().post(`/api/cases/${id}/events`).set(h).send({ type: 'ADD_NOTE', payload: { text: `ghi chú của ${role}` }, expectedVersion: version })).status;
      }
      case 'pause': {
        const res = await t.http().post(`/api/cases/${id}/clocks/pause`).set(h).send({ reason: 'kiểm tra quyền' });
        if (res.status === 200) await t.http().post(`/api/cases/${id}/clocks/resume`).set(h).send({}).expect(200);
        return res.status;
      }
    }
  };

  it('case endpoints: the policy says what the hand-written table says, and so does the API', async () => {
    const fromPolicy = {} as typeof CASES;
    const fromApi = {} as typeof CASES;
    for (const role of ROLES) {
      fromPolicy[role] = {} as (typeof CASES)[Role];
      fromApi[role] = {} as (typeof CASES)[Role];
      for (const ctx of ['own', 'notAssigned', 'other'] as Ctx[]) {
        fromPolicy[role][ctx] = {} as Record<CaseEndpoint, number>;
        fromApi[role][ctx] = {} as Record<CaseEndpoint, number>;
        for (const endpoint of Object.keys(CASE_ACTION) as CaseEndpoint[]) {
          fromPolicy[role][ctx][endpoint] = await generated(role, ctx, endpoint);
          fromApi[role][ctx][endpoint] = await call(role, ctx, endpoint);
        }
      }
    }
    expect(fromPolicy).toEqual(CASES);
    expect(fromApi).toEqual(CASES);
  });

  it('school endpoints: opening a case, adding a learner, submitting a report', async () => {
    const schoolOf = { own: w.schoolA, other: w.schoolB };
    const fromPolicy = {} as typeof SCHOOLS;
    const fromApi = {} as typeof SCHOOLS;
    for (const role of ROLES) {
      fromPolicy[role] = {} as (typeof SCHOOLS)[Role];
      fromApi[role] = {} as (typeof SCHOOLS)[Role];
      for (const ctx of ['own', 'other'] as const) {
        const schoolId = schoolOf[ctx];
        const h = auth(who[role]);
        fromPolicy[role][ctx] = Object.fromEntries(
          (Object.keys(SCHOOL_ACTION) as SchoolEndpoint[]).map((e) => [e, status(decide(callers[role], SCHOOL_ACTION[e], schoolId), ok(SCHOOL_ACTION[e]))]),
        ) as Record<SchoolEndpoint, number>;
        fromApi[role][ctx] = {
          openCase: (await t.http().post('/api/cases').set(h).send({
            schoolId, learnerId: learners[ctx], areas: [{ code: 'hoc_tap', priority: 1 }], channel: 'truc_tiep',
            summary: 'Kiểm tra quyền.', riskLevel: 'low', riskRationale: 'Kiểm tra.', ...(role === 'supervisor' ? { assigneeId: w.users.counsellorA.id } : {}),
          })).status,
          createLearner: (await t.http().post('/api/learners').set(h).send({ schoolId, fullName: 'Học Sinh Kiểm Tra', dateOfBirth: '2013-01-01', sex: 'nu', className: '7A', confirmDistinct: true })).status,
          submitReport: (await t.http().post('/api/reports/submissions').set(h).send({ schoolId, kind: 'report_year' })).status,
        };
      }
    }
    expect(fromPolicy).toEqual(SCHOOLS);
    expect(fromApi).toEqual(SCHOOLS);
  });

  it('admin endpoints answer the admin only', async () => {
    const fromPolicy = {} as typeof GLOBAL;
    const fromApi = {} as typeof GLOBAL;
    for (const role of ROLES) {
      fromPolicy[role] = {
        calendar: status(decide(callers[role], GLOBAL_ACTION.calendar), ok(GLOBAL_ACTION.calendar)),
        resetPassword: status(decide(callers[role], GLOBAL_ACTION.resetPassword), ok(GLOBAL_ACTION.resetPassword)),
      };
      fromApi[role] = {
        calendar: (await t.http().get('/api/admin/calendar/2026').set(auth(who[role]))).status,
        resetPassword: (await t.http().post(`/api/admin/users/${w.users.counsellorB.id}/reset-password`).set(auth(who[role])).send({ newPassword: 'mat-khau-dat-lai' })).status,
      };
    }
    expect(fromPolicy).toEqual(GLOBAL);
    expect(fromApi).toEqual(GLOBAL);
  });

  it('lists show a school’s cases to its readers only, and another school’s to no one', async () => {
    for (const role of ROLES) {
      const ids = (await t.http().get('/api/cases').query({ pageSize: 100 }).set(auth(who[role])).expect(200)).body.items.map((i: { id: string }) => i.id);
      const reader = decide(callers[role], 'case.read', w.schoolA) === 'allow';
      expect({ role, own: ids.includes(cases.own.id), other: ids.includes(cases.other.id) }).toEqual({ role, own: reader, other: false });
    }
  });
});

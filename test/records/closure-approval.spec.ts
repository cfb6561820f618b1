import { CaseService } from '@dh/cases';
import { Login } from '../support/fixtures';
import { CaseBody, createLearner, move, openCase, PAYLOADS, sendEvent } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';

// Issue 13, point 2: a high or critical case, or one with a child-protection concern, closes only with a
// supervisor's approval, whichever closing event is sent; at intake only a supervisor closes it, with a reason.
type Risk = 'low' | 'medium' | 'high' | 'critical' | 'openConcern' | 'notifiedConcern';
type Who = 'assignee' | 'otherCounsellor' | 'supervisor' | 'principal' | 'otherSchool';
type ClosingEvent = 'CLOSE_AT_INTAKE' | 'CLOSE' | 'PROPOSE_CLOSURE' | 'APPROVE_CLOSURE';
// Allowed: the state the case is in afterwards. Refused: the status and the refusal's reason.
type Outcome = { to: string } | { status: number; reason?: string };

const RISKS: Risk[] = ['low', 'medium', 'high', 'critical', 'openConcern', 'notifiedConcern'];
const WHO: Who[] = ['assignee', 'otherCounsellor', 'supervisor', 'principal', 'otherSchool'];

const closed = { to: 'closed.followUp' };
const review = { to: 'closureReview' };
const refused = (reason: string): Outcome => ({ status: 422, reason });
const notAssignee = refused('not_assignee');
const noRole = refused('role_not_allowed');
const concernOpen = refused('protection_concern_open');
const needsSupervisor = refused('supervisor_approval_required');
const notFound = { status: 404 };

// One row per risk, one column per role; written by hand from the issue, not from the rules.
const byOwnHand = (
  whenLow: Outcome,
  whenRisky: Outcome,
  whenOpen: [Outcome, Outcome],
): Record<Risk, Record<Who, Outcome>> => {
  const row = (own: Outcome, sup: Outcome): Record<Who, Outcome> => ({
    assignee: own,
    otherCounsellor: notAssignee,
    supervisor: sup,
    principal: noRole,
    otherSchool: notFound,
  });
  return {
    low: row(whenLow, whenLow),
    medium: row(whenLow, whenLow),
    high: row(whenRisky, whenRisky === needsSupervisor ? closed : whenRisky),
    critical: row(whenRisky, whenRisky === needsSupervisor ? closed : whenRisky),
    notifiedConcern: row(whenRisky, whenRisky === needsSupervisor ? closed : whenRisky),
    openConcern: row(...whenOpen),
  };
};

const TABLE: Record<Exclude<ClosingEvent, 'APPROVE_CLOSURE'>, Record<Risk, Record<Who, Outcome>>> = {
  // At intake the supervisor's own closing, with its reason, is the approval.
  CLOSE_AT_INTAKE: byOwnHand(closed, needsSupervisor, [needsSupervisor, concernOpen]),
  // From assessment and from monitoring a risky closure waits for a supervisor's review.
  CLOSE: byOwnHand(closed, review, [concernOpen, concernOpen]),
  PROPOSE_CLOSURE: byOwnHand(closed, review, [concernOpen, concernOpen]),
};

// The review of a closure the assignee proposed: a supervisor other than the proposer decides. A low or medium
// case never waits for one (its proposal closes it); an open concern raised during the review blocks it.
const APPROVAL: Record<Exclude<Risk, 'low' | 'medium'>, Record<Who, Outcome>> = {
  high: { assignee: noRole, otherCounsellor: noRole, supervisor: closed, principal: noRole, otherSchool: notFound },
  critical: { assignee: noRole, otherCounsellor: noRole, supervisor: closed, principal: noRole, otherSchool: notFound },
  notifiedConcern: {
    assignee: noRole,
    otherCounsellor: noRole,
    supervisor: closed,
    principal: noRole,
    otherSchool: notFound,
  },
  openConcern: {
    assignee: noRole,
    otherCounsellor: noRole,
    supervisor: concernOpen,
    principal: noRole,
    otherSchool: notFound,
  },
};

const PAYLOAD: Record<ClosingEvent, Record<string, unknown>> = {
  CLOSE_AT_INTAKE: { reason: 'Thông tin không chính xác.' },
  CLOSE: PAYLOADS.closureFull,
  PROPOSE_CLOSURE: PAYLOADS.closureFull,
  APPROVE_CLOSURE: { comment: 'Đồng ý kết thúc.' },
};

// Each table builds some thirty cases through the API.
const TABLE_TIMEOUT_MS = 300_000;

const CONCERN = {
  kind: 'neglect',
  facts: 'Em thường xuyên bị bỏ đói, không ai đón sau giờ học.',
  carerSuspected: false,
};
const NOTIFIED = { recipient: 'tong_dai_111', notifiedAt: '2026-03-02T08:30:00+07:00', notifiedBy: 'Cô Lan' };

describe('closing a case: high and critical cases, and those with a protection concern, close only with a supervisor’s approval', () => {
  const world = useTestWorld();
  const t = () => world.t;
  const w = () => world.w;
  const person = (who: Who): Login => {
    const u = w().users;
    return {
      assignee: u.counsellorA,
      otherCounsellor: u.counsellorA2,
      supervisor: u.supervisorA,
      principal: u.principalA,
      otherSchool: u.supervisorB,
    }[who];
  };

  // A case of school A assigned to counsellorA, at the risk the row names, brought to the stage the event is sent from.
  const caseAt = async (event: ClosingEvent, risk: Risk): Promise<CaseBody> => {
    const tv = w().users.counsellorA;
    const level = risk === 'openConcern' || risk === 'notifiedConcern' ? 'low' : risk;
    let c = await openCase(t(), w(), { riskLevel: level });
    const concern = async () => {
      c = await move(t(), tv, c, 'RAISE_PROTECTION_CONCERN', CONCERN);
      if (risk === 'notifiedConcern' || event === 'APPROVE_CLOSURE')
        c = await move(t(), tv, c, 'RECORD_PROTECTION_NOTIFICATION', NOTIFIED);
    };
    if (event !== 'CLOSE_AT_INTAKE') c = await move(t(), tv, c, 'START_ASSESSMENT');
    if (event === 'PROPOSE_CLOSURE' || event === 'APPROVE_CLOSURE') {
      c = await move(t(), tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment(level));
      c = await move(t(), tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
      if (c.state === 'planReview') c = await move(t(), w().users.supervisorA2, c, 'APPROVE_PLAN', {});
    }
    if (level === 'low' && risk !== 'low') await concern();
    if (event === 'APPROVE_CLOSURE') {
      c = await move(t(), tv, c, 'PROPOSE_CLOSURE', PAYLOAD.PROPOSE_CLOSURE);
      // A concern raised while the closure waits: open again until its report is recorded.
      if (risk === 'openConcern') c = await move(t(), tv, c, 'RAISE_PROTECTION_CONCERN', CONCERN);
    }
    return c;
  };

  const stored = async (id: string) => {
    const [row] = (await world.pg.query(`SELECT state, version, snapshot FROM "case" WHERE id = $1`, [id])).rows;
    const [{ closures }] = (
      await world.pg.query(`SELECT count(*)::int AS closures FROM closure_record WHERE case_id = $1`, [id])
    ).rows;
    const [{ events }] = (
      await world.pg.query(`SELECT count(*)::int AS events FROM audit_event WHERE case_id = $1 AND type <> 'VIEWED'`, [
        id,
      ])
    ).rows;
    const [{ clocks }] = (
      await world.pg.query(`SELECT count(*)::int AS clocks FROM deadline WHERE case_id = $1 AND closed_at IS NULL`, [
        id,
      ])
    ).rows;
    return { ...row, closures, events, clocks };
  };

  // Sends the event as `who` and answers what happened, checking that a refusal left every row as it was.
  const attempt = async (event: ClosingEvent, c: CaseBody, who: Who): Promise<Outcome> => {
    const before = await stored(c.id);
    const res = await sendEvent(t(), person(who), c, event, PAYLOAD[event]);
    if (res.status === 200) return { to: res.body.state };
    expect(await stored(c.id)).toEqual(before);
    if (res.status === 422) expect(res.body.message).toMatch(/\S/);
    return res.status === 422 ? { status: 422, reason: res.body.details?.reason } : { status: res.status };
  };

  // Refusals first, on one case (they change nothing), then the allowed roles: a case moved on is replaced.
  const run = async (
    event: ClosingEvent,
    risk: Risk,
    expected: Record<Who, Outcome>,
  ): Promise<Record<Who, Outcome>> => {
    const got = {} as Record<Who, Outcome>;
    const order = [...WHO.filter((x) => !('to' in expected[x])), ...WHO.filter((x) => 'to' in expected[x])];
    let c = await caseAt(event, risk);
    for (const [i, who] of order.entries()) {
      got[who] = await attempt(event, c, who);
      if ('to' in got[who] && i < order.length - 1) c = await caseAt(event, risk);
    }
    return got;
  };

  for (const event of Object.keys(TABLE) as (keyof typeof TABLE)[]) {
    it(
      `${event}: each risk level and role, allowed or refused as the table says, a refusal changing nothing`,
      async () => {
        const got = {} as Record<Risk, Record<Who, Outcome>>;
        for (const risk of RISKS) got[risk] = await run(event, risk, TABLE[event][risk]);
        expect(got).toEqual(TABLE[event]);
      },
      TABLE_TIMEOUT_MS,
    );
  }

  it(
    'APPROVE_CLOSURE: only a supervisor approves a closure under review, and not while a concern is open',
    async () => {
      const got = {} as typeof APPROVAL;
      for (const risk of Object.keys(APPROVAL) as (keyof typeof APPROVAL)[])
        got[risk] = await run('APPROVE_CLOSURE', risk, APPROVAL[risk]);
      expect(got).toEqual(APPROVAL);
    },
    TABLE_TIMEOUT_MS,
  );

  it('a supervisor’s own proposal waits for another supervisor; the proposer may not approve it', async () => {
    const { supervisorA: tt, supervisorA2: tt2 } = w().users;
    let c = await caseAt('CLOSE', 'critical');
    c = await move(t(), tt, c, 'CLOSE', PAYLOADS.closureFull);
    expect(c.state).toBe('closureReview');
    expect(c.allowedEvents).not.toContain('APPROVE_CLOSURE');
    expect(await attempt('APPROVE_CLOSURE', c, 'supervisor')).toEqual(refused('own_submission'));
    c = await move(t(), tt2, c, 'APPROVE_CLOSURE', { comment: 'Đồng ý.' });
    expect(c.state).toBe('closed.followUp');
  });

  it('a risky closure proposed from assessment and rejected goes back to assessment, with its clock', async () => {
    const { counsellorA: tv, supervisorA: tt } = w().users;
    let c = await caseAt('CLOSE', 'high');
    c = await move(t(), tv, c, 'CLOSE', PAYLOADS.closureFull);
    expect(c).toMatchObject({
      state: 'closureReview',
      deadlines: [expect.objectContaining({ kind: 'closure_decision' })],
    });
    c = await move(t(), tt, c, 'REJECT_CLOSURE', { reason: 'Chưa đánh giá xong, còn nguy cơ.' });
    expect(c).toMatchObject({ state: 'assessment', deadlines: [expect.objectContaining({ kind: 'assessment_due' })] });
    // A later proposal from monitoring, rejected, returns to monitoring as before.
    c = await move(t(), tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('high'));
    c = await move(t(), tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    c = await move(t(), tt, c, 'APPROVE_PLAN', {});
    c = await move(t(), tv, c, 'PROPOSE_CLOSURE', PAYLOADS.closureFull);
    c = await move(t(), tt, c, 'REJECT_CLOSURE', { reason: 'Cần thêm một tháng theo dõi.' });
    expect(c.state).toBe('monitoring');
  });

  it('offers a counsellor no closing at intake of a high-risk case; the refusal says why, in Vietnamese and English', async () => {
    const c = await caseAt('CLOSE_AT_INTAKE', 'high');
    expect(c.allowedEvents).not.toContain('CLOSE_AT_INTAKE');
    const res = await sendEvent(t(), w().users.counsellorA, c, 'CLOSE_AT_INTAKE', PAYLOAD.CLOSE_AT_INTAKE).expect(422);
    expect(res.body).toMatchObject({
      message: expect.stringContaining('Chỉ tổ trưởng tư vấn mới được kết thúc'),
      messageEn: expect.stringContaining('supervisor'),
    });
  });

  it('case@1 cases keep running on case@1, and there too only a supervisor closes a high or critical case', async () => {
    const { counsellorA: tv, supervisorA: tt } = w().users;
    const learner = await createLearner(t(), tv, w().schoolA);
    const callerA = {
      id: tv.id,
      username: tv.username,
      fullName: 'x',
      roles: ['counsellor' as const],
      schoolIds: [w().schoolA],
      wardId: null,
      requestId: 'test',
    };
    const open = (riskLevel: 'medium' | 'critical') =>
      t()
        .app.get(CaseService)
        .open(
          callerA,
          {
            schoolId: w().schoolA,
            learnerId: learner.id,
            areas: [{ code: 'tam_ly', priority: 1 }],
            channel: 'truc_tiep',
            summary: 'Hồ sơ mở trước khi có case@2.',
            riskLevel,
            riskRationale: 'Ban đầu.',
          },
          'case@1',
        );
    const critical = await open('critical');
    expect(await attempt('CLOSE_AT_INTAKE', critical as CaseBody, 'assignee')).toEqual(needsSupervisor);
    expect((await move(t(), tt, critical, 'CLOSE_AT_INTAKE', PAYLOAD.CLOSE_AT_INTAKE)).state).toBe('closed.followUp');
    const assessing = await move(t(), tv, await open('critical'), 'START_ASSESSMENT');
    expect(await attempt('CLOSE', assessing, 'assignee')).toEqual(needsSupervisor);
    expect((await move(t(), tt, assessing, 'CLOSE', PAYLOADS.closureFull)).state).toBe('closed.followUp');
    const medium = await move(t(), tv, await open('medium'), 'START_ASSESSMENT');
    expect(await move(t(), tv, medium, 'CLOSE', PAYLOADS.closureFull)).toMatchObject({
      state: 'closed.followUp',
      machineVersion: 'case@1',
    });
  });
});

import {
  activeLeaves,
  allowedEventsFor,
  checkCase,
  InvalidSnapshotError,
  migrateSnapshot,
  startCase,
  stateMetaOf,
  stepCase,
  withLearnerKnown,
} from '../../engine';
import type { Actor, CaseEvent, CaseEventType, PersistedCase } from '../../types';

const V = 'case@2';
const tv: Actor = { id: 'tv-1', roles: ['counsellor'] };
const tt: Actor = { id: 'tt-1', roles: ['supervisor'] };
const ht: Actor = { id: 'ht-1', roles: ['principal'] };
const concern = (carerSuspected = true) => ({ kind: 'abuse', facts: 'Em có vết bầm, nói bị bố đánh.', carerSuspected });
const notify = (recipient: string) => ({ recipient, notifiedAt: '2026-03-02T10:00:00+07:00', notifiedBy: 'Cô Lan' });

const ev = (type: CaseEventType, actor: Actor, payload: Record<string, unknown> = {}): CaseEvent => ({
  type,
  actor,
  payload,
});
const go = (p: PersistedCase, e: CaseEvent): PersistedCase => {
  const r = stepCase(V, p, e);
  if (!r.ok) throw new Error(`${e.type}: ${JSON.stringify(r)}`);
  return r.snapshot;
};
const monitoringCase = (): PersistedCase => {
  let p = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'low', learnerKnown: true }).snapshot;
  p = go(p, ev('START_ASSESSMENT', tv));
  p = go(p, ev('COMPLETE_ASSESSMENT', tv, { riskLevel: 'low', riskRationale: 'r', difficulties: 'd', needs: 'n' }));
  return go(p, ev('SUBMIT_PLAN', tv, { goals: ['g'], responsible: 'r', reviewDate: '2026-04-15' }));
};

describe('case@2: the child-protection concern beside the stages', () => {
  const sut = stepCase;

  it('runs the stages of case@1 unchanged, with no concern at the start', () => {
    const started = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'low', learnerKnown: true });
    expect(started).toMatchObject({ state: 'intake', leaves: ['intake', 'protection.none'] });
    expect(activeLeaves(V, monitoringCase())).toEqual(['monitoring', 'protection.none']);
  });

  it('opens a concern in any open stage, which blocks closure until the notification is recorded', () => {
    let p = go(monitoringCase(), ev('RAISE_PROTECTION_CONCERN', tv, concern()));
    expect(activeLeaves(V, p)).toEqual(['monitoring', 'protection.open']);
    expect(p.context.protection).toMatchObject({ status: 'open', kind: 'abuse', carerSuspected: true });
    expect(p.context.riskLevel).toBe('critical');
    const blocked = sut(V, p, ev('PROPOSE_CLOSURE', tv, { outcome: 'đạt' }));
    expect(blocked).toMatchObject({ ok: false, kind: 'refused', refusal: { reason: 'protection_concern_open' } });
    expect(allowedEventsFor(V, p, tv)).not.toContain('PROPOSE_CLOSURE');
    expect(sut(V, p, ev('RAISE_PROTECTION_CONCERN', tv, concern()))).toMatchObject({ ok: false, kind: 'not_allowed' });

    expect(sut(V, p, ev('RECORD_PROTECTION_NOTIFICATION', tv, notify('gia_dinh')))).toMatchObject({
      ok: false,
      refusal: { reason: 'family_is_suspected', fields: ['recipient'] },
    });
    p = go(p, ev('RECORD_PROTECTION_NOTIFICATION', tv, notify('tong_dai_111')));
    expect(activeLeaves(V, p)).toEqual(['monitoring', 'protection.notified']);
    expect(p.context.protection?.notifications).toEqual([
      { recipient: 'tong_dai_111', notifiedAt: '2026-03-02T10:00:00+07:00', notifiedBy: 'Cô Lan' },
    ]);
    // Reported, the concern no longer blocks closure; the case still closes only through a supervisor's review.
    expect(sut(V, p, ev('PROPOSE_CLOSURE', tv, { outcome: 'đạt' }))).toMatchObject({
      ok: true,
      state: 'closureReview',
    });
  });

  it('sends every closure of a risky case to review: CLOSE from assessment comes back there when rejected', () => {
    let p = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'critical', learnerKnown: true }).snapshot;
    expect(sut(V, p, ev('CLOSE_AT_INTAKE', tv, { reason: 'r' }))).toMatchObject({
      ok: false,
      refusal: { reason: 'supervisor_approval_required' },
    });
    expect(allowedEventsFor(V, p, tv)).not.toContain('CLOSE_AT_INTAKE');
    expect(allowedEventsFor(V, p, tt)).toContain('CLOSE_AT_INTAKE');
    p = go(p, ev('START_ASSESSMENT', tv));
    p = go(p, ev('CLOSE', tv, { outcome: 'đạt' }));
    expect(activeLeaves(V, p)).toEqual(['closureReview', 'protection.none']);
    expect(p.context).toMatchObject({ submittedBy: tv.id, closureFrom: 'assessment' });
    const rejected = go(p, ev('REJECT_CLOSURE', tt, { reason: 'chưa đủ' }));
    expect(activeLeaves(V, rejected)).toEqual(['assessment', 'protection.none']);
    expect(rejected.context).toMatchObject({ submittedBy: null, closureFrom: null });
    expect(activeLeaves(V, go(p, ev('APPROVE_CLOSURE', tt)))).toEqual(['closed.followUp', 'protection.none']);
  });

  it('lets the family be told when the carer is not suspected, which leaves the concern open until an authority is', () => {
    let p = go(monitoringCase(), ev('RAISE_PROTECTION_CONCERN', ht, concern(false)));
    expect(p.context.riskLevel).toBe('low');
    p = go(p, ev('RECORD_PROTECTION_NOTIFICATION', ht, notify('gia_dinh')));
    expect(p.context.protection?.status).toBe('open');
    expect(activeLeaves(V, p)).toEqual(['monitoring', 'protection.open']);
    expect(sut(V, p, ev('PROPOSE_CLOSURE', tv, { outcome: 'đạt' }))).toMatchObject({
      ok: false,
      refusal: { reason: 'protection_concern_open' },
    });
    p = go(p, ev('RECORD_PROTECTION_NOTIFICATION', tt, notify('cong_an')));
    expect(p.context.protection?.status).toBe('notified');
    expect(p.context.protection?.notifications.map((n) => n.recipient)).toEqual(['gia_dinh', 'cong_an']);
  });

  it('refuses a concern on a closed case, and one from a role without the duty', () => {
    const closed = go(
      startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'low', learnerKnown: true }).snapshot,
      ev('CLOSE_AT_INTAKE', tv, { reason: 'r' }),
    );
    expect(sut(V, closed, ev('RAISE_PROTECTION_CONCERN', tv, concern()))).toMatchObject({
      ok: false,
      refusal: { reason: 'case_closed' },
    });
    expect(
      sut(V, monitoringCase(), ev('RAISE_PROTECTION_CONCERN', { id: 'a', roles: ['auditor'] }, concern())),
    ).toMatchObject({ ok: false, refusal: { reason: 'role_not_allowed' } });
    expect(sut(V, monitoringCase(), ev('RECORD_PROTECTION_NOTIFICATION', tv, notify('tong_dai_111')))).toMatchObject({
      ok: false,
      kind: 'not_allowed',
    });
  });

  it('declares the 12-working-hour notification clock that goes straight to the principal, then the ward', () => {
    expect(stateMetaOf(V, 'protection.open').deadlines).toEqual([
      expect.objectContaining({
        kind: 'protection_notification',
        due: { workingHours: 12 },
        escalateTo: ['principal', 'ward_officer'],
        principalAfter: { workingHours: 0 },
      }),
    ]);
    expect(stateMetaOf(V, 'assessment').deadlines[0].kind).toBe('assessment_due');
  });

  it('refers from planning, and from intake only with a concern; the answer returns the case to where it left from', () => {
    const refer = { receiver: 'Trạm y tế phường', reason: 'Cần khám chuyên khoa.' };
    const intake = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'high', learnerKnown: true }).snapshot;
    expect(sut(V, intake, ev('REFER', tv, refer))).toMatchObject({
      ok: false,
      kind: 'refused',
      refusal: { reason: 'no_protection_concern' },
    });
    expect(allowedEventsFor(V, intake, tv)).not.toContain('REFER');
    let p = go(intake, ev('RAISE_PROTECTION_CONCERN', tv, concern(false)));
    expect(allowedEventsFor(V, p, tv)).toContain('REFER');
    p = go(go(p, ev('REFER', tv, refer)), ev('REFERRAL_ACCEPTED', tv));
    expect(sut(V, p, ev('REFERRAL_COMPLETED', tv, { feedback: 'f' }))).toMatchObject({ ok: true, state: 'assessment' });

    let planning = go(
      startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'high', learnerKnown: true }).snapshot,
      ev('START_ASSESSMENT', tv),
    );
    planning = go(
      planning,
      ev('COMPLETE_ASSESSMENT', tv, { riskLevel: 'high', riskRationale: 'r', difficulties: 'd', needs: 'n' }),
    );
    const sent = go(planning, ev('REFER', tv, refer));
    expect(sent.context.referredFrom).toBe('planning');
    expect(sut(V, sent, ev('REFERRAL_DECLINED', tv, { reason: 'hết chỗ' }))).toMatchObject({
      ok: true,
      state: 'planning',
    });
    expect(
      sut(V, go(sent, ev('REFERRAL_ACCEPTED', tv)), ev('REFERRAL_COMPLETED', tv, { feedback: 'f' })),
    ).toMatchObject({ ok: true, state: 'planning' });

    // From assessment and monitoring, and for a snapshot referred before case@2 knew the origin, as in case@1.
    const monitoring = go(monitoringCase(), ev('REFER', tv, refer));
    expect(
      sut(V, go(monitoring, ev('REFERRAL_ACCEPTED', tv)), ev('REFERRAL_COMPLETED', tv, { feedback: 'f' })),
    ).toMatchObject({ ok: true, state: 'monitoring' });
    expect(
      sut(
        V,
        { ...sent, context: { ...sent.context, referredFrom: undefined } },
        ev('REFERRAL_DECLINED', tv, { reason: 'r' }),
      ),
    ).toMatchObject({ ok: true, state: 'assessment' });
  });

  it('migrates every case@1 stage to case@2 without a concern, and refuses a stage it does not know', () => {
    for (const value of [
      'intake',
      'assessment',
      'planning',
      'planReview',
      'monitoring',
      'closureReview',
      { referral: 'pending' },
      { referral: 'inService' },
      { closed: 'followUp' },
      { closed: 'archived' },
    ]) {
      const v1 = { value, context: { assigneeId: 'tv-1', riskLevel: 'high', openedBy: 'tv-1', submittedBy: null } };
      const v2 = migrateSnapshot(v1, 'case@2');
      expect(v2.value).toEqual({ stage: value, protection: 'none' });
      expect(allowedEventsFor(V, v2, tt).length).toBeGreaterThan(0);
    }
    expect(() =>
      migrateSnapshot(
        { value: 'triage', context: { assigneeId: null, riskLevel: 'low', openedBy: 'x', submittedBy: null } },
        'case@2',
      ),
    ).toThrow(InvalidSnapshotError);
  });
});

describe('case@2: checkCase answers before the payload is known', () => {
  const sut = checkCase;

  it('says whether the state takes the event and the caller may attempt it, without reading the payload', () => {
    const intake = startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'high', learnerKnown: true }).snapshot;
    expect(sut(V, intake, 'REFER', tv)).toMatchObject({
      ok: false,
      kind: 'refused',
      refusal: { reason: 'no_protection_concern' },
    });
    expect(sut(V, intake, 'START_ASSESSMENT', { id: 'tv-2', roles: ['counsellor'] })).toMatchObject({
      ok: false,
      refusal: { reason: 'not_assignee' },
    });
    // A payload the step would refuse is no business of the check: hooks may still complete it.
    expect(sut(V, monitoringCase(), 'REASSIGN', tt)).toEqual({ ok: true });
    expect(stepCase(V, monitoringCase(), ev('REASSIGN', tt, { assigneeId: tv.id }))).toMatchObject({
      ok: false,
      refusal: { reason: 'same_assignee', fields: ['assigneeId'] },
    });
    const closed = go(
      startCase(V, { openedBy: tv.id, assigneeId: tv.id, riskLevel: 'low', learnerKnown: true }).snapshot,
      ev('CLOSE_AT_INTAKE', tv, { reason: 'r' }),
    );
    expect(sut(V, closed, 'REFER', tv)).toMatchObject({ ok: false, kind: 'not_allowed' });
  });
});

describe('case@2: a report whose learner is not named yet', () => {
  const unnamed = () =>
    startCase(V, { openedBy: null, assigneeId: null, riskLevel: 'medium', learnerKnown: false }).snapshot;

  it('neither offers nor takes START_ASSESSMENT until the learner is known; closing at intake stays open', () => {
    expect(allowedEventsFor(V, unnamed(), tt)).not.toContain('START_ASSESSMENT');
    expect(allowedEventsFor(V, unnamed(), tt)).toContain('CLOSE_AT_INTAKE');
    const refused = checkCase(V, unnamed(), 'START_ASSESSMENT', tt);
    expect(refused).toEqual({
      ok: false,
      kind: 'refused',
      refusal: {
        reason: 'learner_unknown',
        message: 'Hồ sơ chưa xác định học sinh. Hãy xác định học sinh trước khi bắt đầu đánh giá.',
        messageEn: 'The case’s learner is not named yet; name the learner before starting the assessment.',
      },
    });
    // The machine's own refusals come first: a counsellor not assigned is told so.
    expect(checkCase(V, unnamed(), 'START_ASSESSMENT', tv)).toMatchObject({ refusal: { reason: 'not_assignee' } });
    const named = withLearnerKnown(unnamed());
    expect(named.context.learnerKnown).toBe(true);
    expect(stepCase(V, named, ev('START_ASSESSMENT', tt))).toMatchObject({
      ok: true,
      state: 'assessment',
      context: { learnerKnown: true },
    });
    // A snapshot stored before the field was kept is not refused by it (the case row says whether it is known).
    const { learnerKnown: _, ...older } = named.context;
    expect(checkCase(V, { value: named.value, context: older }, 'START_ASSESSMENT', tt)).toEqual({ ok: true });
  });
});

import { auth, Login, World } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS, referralReceiver, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Issue 14 point 1: the machine says whether it takes an event in this state from this caller before any hook
// reads the database. A receiver nobody could find must not hide that the case cannot be referred at all.
describe('a transition is checked before its hooks prepare it', () => {
  let t: TestApp;
  let w: World;
  let tv: Login;
  const unknownReceiver = '5b4c0f0e-8a53-4a4b-9a57-0a8f3c1d2e3f';

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
    tv = w.users.counsellorA;
    t.clock.set('2026-03-02T09:00:00+07:00');
  });

  const referralsOf = async (caseId: string) =>
    (await t.http().get(`/api/cases/${caseId}/referrals`).set(auth(w.users.supervisorA)).expect(200)).body
      .items as unknown[];
  const versionOf = async (c: CaseBody) =>
    (await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.supervisorA)).expect(200)).body.version;

  it('answers 409 EVENT_NOT_ALLOWED to a REFER on a closed case, whatever receiver it names', async () => {
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'CLOSE_AT_INTAKE', { reason: 'Thông tin không chính xác.' });
    for (const receiverId of [unknownReceiver, await referralReceiver(t, w)]) {
      const sut = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(receiverId));
      expect([sut.status, sut.body.code, sut.body.details?.state]).toEqual([
        409,
        'EVENT_NOT_ALLOWED',
        'closed.followUp',
      ]);
      expect(sut.body.details.allowedEvents).not.toContain('REFER');
    }
    expect(await referralsOf(c.id)).toEqual([]);
    expect(await versionOf(c)).toBe(c.version);
  });

  it('refuses a REFER at intake without a protection concern with the machine’s reason, before looking up the receiver', async () => {
    const c = await openCase(t, w, { riskLevel: 'high' });
    const sut = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(unknownReceiver));
    expect([sut.status, sut.body.code, sut.body.details]).toEqual([
      422,
      'GUARD_REFUSED',
      { reason: 'no_protection_concern' },
    ]);
    expect(sut.body.message).toMatch(/^Chỉ được chuyển gửi ngay khi tiếp nhận /);
    expect(await referralsOf(c.id)).toEqual([]);
  });

  it('tells a counsellor not assigned to the case so, before looking up the receiver', async () => {
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    const sut = await sendEvent(t, w.users.counsellorA2, c, 'REFER', PAYLOADS.refer(unknownReceiver));
    expect([sut.status, sut.body.details?.reason]).toEqual([422, 'not_assignee']);
    // Once the machine takes it from this caller, the directory speaks as before.
    const byAssignee = await sendEvent(t, tv, c, 'REFER', PAYLOADS.refer(unknownReceiver));
    expect([byAssignee.status, byAssignee.body.details?.reason]).toEqual([422, 'receiver_not_available']);
    expect(await versionOf(c)).toBe(c.version);
  });
});

import { auth } from '../support/fixtures';
import { CaseBody, historyOf, move, openCase, PAYLOADS, sendEvent } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';

// Issue 13, point 7: FOLLOW_UP_DONE archives a case once both follow-up contacts are recorded, or when a supervisor
// stops the follow-up early with a reason; an open follow-up clock is closed as satisfied or as stopped, never dropped.
describe('FOLLOW_UP_DONE: archiving after both follow-up contacts, or a supervisor’s reason to stop early', () => {
  const world = useTestWorld();
  const t = () => world.t;
  const w = () => world.w;
  const DONE = { notes: 'Gia đình xác nhận em ổn định.' };
  const STOP = 'Gia đình chuyển vào Đà Nẵng, không còn liên lạc được.';

  const closedCase = async (): Promise<CaseBody> => {
    const c = await openCase(t(), w());
    return move(t(), w().users.counsellorA, c, 'CLOSE_AT_INTAKE', { reason: 'Thông tin trùng với hồ sơ đã có.' });
  };
  const followUp = async (c: CaseBody) => {
    t().clock.advance(60_000);
    await t()
      .http()
      .post(`/api/cases/${c.id}/follow-ups`)
      .set(auth(w().users.counsellorA))
      .send({ ...PAYLOADS.followUp, contactedAt: new Date(t().clock.now().getTime() - 1000).toISOString() })
      .expect(201);
  };
  const clocks = async (id: string) =>
    (
      await world.pg.query(
        `SELECT kind, closed_at IS NOT NULL AS closed, closed_as FROM deadline WHERE case_id = $1 AND kind LIKE 'follow_up%' ORDER BY kind`,
        [id],
      )
    ).rows;
  const stored = async (id: string) => ({
    ...(await world.pg.query(`SELECT state, version FROM "case" WHERE id = $1`, [id])).rows[0],
    clocks: await clocks(id),
    events: (
      await world.pg.query(`SELECT count(*)::int AS n FROM audit_event WHERE case_id = $1 AND type <> 'VIEWED'`, [id])
    ).rows[0].n,
  });

  it('refuses to archive while a follow-up contact is still due, naming it, and changes nothing', async () => {
    const c = await closedCase();
    const before = await stored(c.id);
    const first = await sendEvent(t(), w().users.counsellorA, c, 'FOLLOW_UP_DONE', DONE).expect(422);
    expect(first.body).toMatchObject({
      code: 'FOLLOW_UP_PENDING',
      details: { reason: 'follow_up_pending', openFollowUps: ['follow_up_30', 'follow_up_90'], fields: ['stopReason'] },
      message: expect.stringContaining('theo dõi'),
      messageEn: expect.stringContaining('follow-up'),
    });
    expect(await stored(c.id)).toEqual(before);

    await followUp(c);
    const second = await sendEvent(t(), w().users.counsellorA, c, 'FOLLOW_UP_DONE', DONE).expect(422);
    expect(second.body.details).toMatchObject({ reason: 'follow_up_pending', openFollowUps: ['follow_up_90'] });
    expect((await stored(c.id)).state).toBe('closed.followUp');
  });

  it('archives once both contacts are recorded: both clocks closed as satisfied', async () => {
    const c = await closedCase();
    const offered = async () =>
      (await t().http().get(`/api/cases/${c.id}`).set(auth(w().users.counsellorA)).expect(200)).body.allowedEvents;
    await followUp(c);
    expect(await offered()).not.toContain('FOLLOW_UP_DONE');
    await followUp(c);
    expect(await offered()).toContain('FOLLOW_UP_DONE');
    const done = await move(t(), w().users.counsellorA, c, 'FOLLOW_UP_DONE', DONE);
    expect(done).toMatchObject({ state: 'closed.archived', deadlines: [] });
    expect(await clocks(c.id)).toEqual([
      { kind: 'follow_up_30', closed: true, closed_as: 'satisfied' },
      { kind: 'follow_up_90', closed: true, closed_as: 'satisfied' },
    ]);
    const last = (await historyOf(t(), w().users.supervisorA, c.id)).filter((i) => i.type === 'FOLLOW_UP_DONE');
    expect(last).toEqual([
      expect.objectContaining({
        toState: 'closed.archived',
        payload: expect.not.objectContaining({ stopReason: expect.anything() }),
      }),
    ]);
  });

  it('lets a supervisor stop early with a reason: the open clock is closed as stopped, the reason in the history', async () => {
    const c = await closedCase();
    await followUp(c);
    t().clock.advance(60_000);
    const done = await move(t(), w().users.supervisorA, c, 'FOLLOW_UP_DONE', { ...DONE, stopReason: STOP });
    expect(done).toMatchObject({ state: 'closed.archived', deadlines: [] });
    expect(await clocks(c.id)).toEqual([
      { kind: 'follow_up_30', closed: true, closed_as: 'satisfied' },
      { kind: 'follow_up_90', closed: true, closed_as: 'stopped' },
    ]);
    const [event] = (await historyOf(t(), w().users.supervisorA, c.id)).filter((i) => i.type === 'FOLLOW_UP_DONE');
    expect(event).toMatchObject({
      actorRole: 'supervisor',
      toState: 'closed.archived',
      payload: { stopReason: STOP, stoppedFollowUps: ['follow_up_90'] },
    });
    // Those who may not read the case's content see that it was stopped, not why.
    const [masked] = (await historyOf(t(), w().users.principalA, c.id)).filter((i) => i.type === 'FOLLOW_UP_DONE');
    expect(masked.payload).toMatchObject({ stopReason: null, stoppedFollowUps: ['follow_up_90'] });
  });

  it('refuses a counsellor’s early stop, a supervisor’s stop without a reason, and a reason where nothing is left to stop', async () => {
    const c = await closedCase();
    const before = await stored(c.id);
    const byCounsellor = await sendEvent(t(), w().users.counsellorA, c, 'FOLLOW_UP_DONE', {
      ...DONE,
      stopReason: STOP,
    }).expect(422);
    expect(byCounsellor.body).toMatchObject({
      code: 'STOP_NEEDS_SUPERVISOR',
      details: { reason: 'supervisor_approval_required', fields: ['stopReason'] },
    });
    expect(byCounsellor.body.message).toContain('Chỉ tổ trưởng tư vấn mới được dừng theo dõi');
    const noReason = await sendEvent(t(), w().users.supervisorA, c, 'FOLLOW_UP_DONE', DONE).expect(422);
    expect(noReason.body.details).toMatchObject({ reason: 'follow_up_pending', fields: ['stopReason'] });
    const blank = await sendEvent(t(), w().users.supervisorA, c, 'FOLLOW_UP_DONE', {
      ...DONE,
      stopReason: '   ',
    }).expect(400);
    expect(JSON.stringify(blank.body)).toContain('payload.stopReason');
    expect(await stored(c.id)).toEqual(before);

    await followUp(c);
    await followUp(c);
    const nothingLeft = await sendEvent(t(), w().users.supervisorA, c, 'FOLLOW_UP_DONE', {
      ...DONE,
      stopReason: STOP,
    }).expect(422);
    expect(nothingLeft.body).toMatchObject({
      code: 'NOTHING_TO_STOP',
      details: { reason: 'nothing_to_stop', fields: ['stopReason'] },
    });
    expect((await stored(c.id)).state).toBe('closed.followUp');
  });
});

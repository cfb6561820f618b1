import { auth, World } from '../support/fixtures';
import { CaseBody, createLearner, move, PAYLOADS, sendEvent } from '../support/case-helpers';
import { reportCase } from '../support/intake-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import type { Client } from 'pg';

// Issue 14 point 2: whether a case's learner is known is the machine's to know (its context), so every answer that
// lists what may be done, and every refusal, comes from one rule.
describe('the machine knows whether the learner of a case is named', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const anonymousCase = async (): Promise<CaseBody> => {
    const { caseId } = await reportCase(t, {
      schoolCode: 'TA',
      whatIsHappening: 'Có bạn trong lớp em hay khóc một mình.',
    });
    return (await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.supervisorA)).expect(200)).body;
  };
  const contextOf = async (caseId: string) =>
    (await pg.query(`SELECT snapshot->'context' AS context FROM "case" WHERE id = $1`, [caseId])).rows[0].context;
  const named = async (c: CaseBody) => {
    const learner = await createLearner(t, w.users.supervisorA, w.schoolA);
    return (
      await t
        .http()
        .post(`/api/cases/${c.id}/learner`)
        .set(auth(w.users.supervisorA))
        .send({ learnerId: learner.id })
        .expect(200)
    ).body as CaseBody;
  };

  it('does not offer START_ASSESSMENT in a 409’s allowedEvents while the learner is unknown, as the case itself does not', async () => {
    const c = await anonymousCase();
    const sut = await sendEvent(t, w.users.supervisorA, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    expect([sut.status, sut.body.code]).toEqual([409, 'EVENT_NOT_ALLOWED']);
    expect(sut.body.details.allowedEvents).not.toContain('START_ASSESSMENT');
    expect(sut.body.details.allowedEvents).toEqual(c.allowedEvents);
    // Named, both offer it.
    const after = await named(c);
    expect(after.allowedEvents).toContain('START_ASSESSMENT');
    const again = await sendEvent(t, w.users.supervisorA, after, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    expect(again.body.details.allowedEvents).toEqual(after.allowedEvents);
  });

  it('sets the context when the case opens and when the learner is named', async () => {
    const c = await anonymousCase();
    expect(await contextOf(c.id)).toMatchObject({ learnerKnown: false });
    await named(c);
    expect(await contextOf(c.id)).toMatchObject({ learnerKnown: true });
    const { id } = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: (await createLearner(t, w.users.counsellorA, w.schoolA)).id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Giáo viên báo.',
          riskLevel: 'low',
          riskRationale: 'Ban đầu.',
        })
        .expect(201)
    ).body;
    expect(await contextOf(id)).toMatchObject({ learnerKnown: true });
  });

  it('reads a snapshot stored before the machine knew of the learner from the row: unknown while the row names none', async () => {
    const c = await anonymousCase();
    await pg.query(`UPDATE "case" SET snapshot = snapshot #- '{context,learnerKnown}' WHERE id = $1`, [c.id]);
    const stored = (await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.supervisorA)).expect(200))
      .body as CaseBody;
    expect(stored.allowedEvents).not.toContain('START_ASSESSMENT');
    const refused = await sendEvent(t, w.users.supervisorA, stored, 'START_ASSESSMENT').expect(422);
    expect(refused.body).toMatchObject({
      code: 'GUARD_REFUSED',
      details: { reason: 'learner_unknown' },
      message: 'Hồ sơ chưa xác định học sinh. Hãy xác định học sinh trước khi bắt đầu đánh giá.',
      messageEn: 'The case’s learner is not named yet; name the learner before starting the assessment.',
    });
    // A row that names its learner counts as known.
    const after = await named(stored);
    await pg.query(`UPDATE "case" SET snapshot = snapshot #- '{context,learnerKnown}' WHERE id = $1`, [c.id]);
    const started = await move(t, w.users.supervisorA, after, 'START_ASSESSMENT');
    expect(started.state).toBe('assessment');
    expect(await contextOf(c.id)).toMatchObject({ learnerKnown: true });
  });
});

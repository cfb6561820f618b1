import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SHREDDED_TEXT } from '@dh/crypto';
import { EscalationSweepService } from '@dh/escalations';
import { auth, buildWorld, Login, World } from '../support/fixtures';
import { CaseBody, historyOf, move, PAYLOADS } from '../support/case-helpers';
import { binary, getForm, hasRun, readDocx } from '../support/docx';
import { startTestApp, TestApp } from '../support/test-app';

const DAY_MS = 24 * 3600_000;

// Facts about one learner, each findable by its marker.
const factsOf = (name: string) => {
  const tag = `${name}-${randomBytes(3).toString('hex')}`;
  return {
    guardian: `Phạm Thị Giám Hộ ${tag}-giamho`,
    summary: `Em hay khóc trong giờ ra chơi ${tag}-tomtat`,
    note: `Em kể chuyện ở nhà ${tag}-ghichu`,
    difficulties: `Em khó ngủ ${tag}-khokhan`,
  };
};
type Facts = ReturnType<typeof factsOf>;

describe('data requests (Law 91/2025): a guardian’s access, rectification and erasure, each on its clock', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const mine = factsOf('L1');
  const other = factsOf('L2');
  let learner1: string;
  let case1: CaseBody;
  let unanswered: string;

  const plant = async (f: Facts, fullName: string): Promise<{ learnerId: string; c: CaseBody }> => {
    const tv = w.users.counsellorA;
    const learnerId = (
      await t
        .http()
        .post('/api/learners')
        .set(auth(tv))
        .send({
          schoolId: w.schoolA,
          fullName,
          dateOfBirth: '2013-04-04',
          sex: 'nu',
          className: '7A4',
          guardians: [{ fullName: f.guardian, relationship: 'mẹ', phone: '0900000001', currentCarer: true }],
          confirmDistinct: true,
        })
        .expect(201)
    ).body.id as string;
    let c = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(tv))
        .send({
          schoolId: w.schoolA,
          learnerId,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'cha_me',
          summary: f.summary,
          riskLevel: 'low',
          riskRationale: 'Đánh giá ban đầu.',
        })
        .expect(201)
    ).body as CaseBody;
    c = await move(t, tv, c, 'ADD_NOTE', { text: f.note });
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', { ...PAYLOADS.assessment('low'), difficulties: f.difficulties });
    return { learnerId, c };
  };

  const request = (by: Login, body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/privacy/requests')
      .set(auth(by))
      .send({
        learnerId: learner1,
        requestedBy: 'Phạm Thị Giám Hộ',
        relationship: 'mẹ',
        receivedAt: t.clock.now().toISOString(),
        ...body,
      });
  const found = (text: string, f: Facts) => Object.keys(f).filter((k) => text.includes(f[k as keyof Facts]));

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
    ({ learnerId: learner1, c: case1 } = await plant(mine, 'Lê Thị Một'));
    await plant(other, 'Trần Văn Hai');
  });
  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  it('is recorded by a supervisor or the principal, with a clock of working days; bad input changes nothing', async () => {
    await request(w.users.counsellorA, { kind: 'access' }).expect(403);
    await request(w.users.supervisorB, { kind: 'access' }).expect(404);
    const bad = await request(w.users.supervisorA, { kind: 'forget-me', requestedBy: '' }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/kind/);
    expect(JSON.stringify(bad.body)).toMatch(/requestedBy/);
    expect((await pg.query(`SELECT count(*)::int AS n FROM data_request`)).rows[0].n).toBe(0);

    // Received Monday 2 March 2026, 08:00 in Hà Nội: three working days later, at the end of Thursday's working day.
    t.clock.set('2026-03-02T01:00:00Z');
    const r = (await request(w.users.principalA, { kind: 'access' }).expect(201)).body;
    expect(r).toMatchObject({
      status: 'open',
      kind: 'access',
      requestedBy: 'Phạm Thị Giám Hộ',
      learnerName: 'Lê Thị Một',
    });
    expect(r.dueAt).toBe('2026-03-05T10:00:00.000Z');
    // What is left: Monday from 08:00 (seven hours), then three working days of seven and a half hours.
    expect(r.remainingWorkingMs).toBe((7 + 3 * 7.5) * 3600_000);
    unanswered = r.id;
  });

  it('answers an access request with every fact held about the learner and nothing about another, each read recorded', async () => {
    const r = (await request(w.users.supervisorA, { kind: 'access' }).expect(201)).body;
    await t.http().post(`/api/privacy/requests/${r.id}/export`).set(auth(w.users.principalA)).expect(403);
    const viewedBefore = (await historyOf(t, w.users.supervisorA, case1.id)).filter((h) => h.type === 'VIEWED').length;
    const exported = (
      await t.http().post(`/api/privacy/requests/${r.id}/export`).set(auth(w.users.supervisorA)).expect(200)
    ).body;
    const json = JSON.stringify(exported);
    expect(found(json, mine)).toEqual(Object.keys(mine));
    expect(found(json, other)).toEqual([]);
    // The export read the case's confidential content: a read the trail holds (the history read after it is another).
    const viewed = (await historyOf(t, w.users.supervisorA, case1.id)).filter((h) => h.type === 'VIEWED');
    expect(viewed.length).toBeGreaterThan(viewedBefore + 1);

    const docx = await t
      .http()
      .post(`/api/privacy/requests/${r.id}/export`)
      .query({ format: 'docx' })
      .set(auth(w.users.supervisorA))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const { runs } = readDocx(docx.body as Buffer);
    expect(found(runs.join('\n'), mine)).toEqual(Object.keys(mine));
    expect(found(runs.join('\n'), other)).toEqual([]);
    expect(
      (await t.http().get(`/api/privacy/requests/${r.id}`).set(auth(w.users.principalA)).expect(200)).body,
    ).toMatchObject({ status: 'done', outcome: { exportedCases: [case1.id] } });
  });

  it('rectifies a case’s summary: the form prints the new value, the trail keeps the old', async () => {
    const r = (await request(w.users.supervisorA, { kind: 'rectify', details: 'Tóm tắt ghi sai.' }).expect(201)).body;
    const corrected = `Em buồn vì chuyển trường (đã sửa) ${randomBytes(3).toString('hex')}`;
    const rectify = (body: object) =>
      t.http().post(`/api/privacy/requests/${r.id}/rectify`).set(auth(w.users.supervisorA)).send(body);
    const missing = await rectify({ field: 'summary', value: corrected }).expect(400);
    expect(JSON.stringify(missing.body)).toMatch(/caseId/);
    await rectify({ field: 'summary', caseId: case1.id, value: corrected }).expect(200);

    const view = (await t.http().get(`/api/cases/${case1.id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(view.summary).toBe(corrected);
    const form = await getForm(t, w.users.supervisorA, case1.id, '01').expect(200);
    const { runs } = readDocx(form.body as Buffer);
    expect(hasRun(runs, corrected)).toBe(true);
    expect(hasRun(runs, mine.summary)).toBe(false);
    const history = await historyOf(t, w.users.supervisorA, case1.id);
    expect(history.find((h) => h.type === 'CASE_OPENED')?.payload.summary).toBe(mine.summary);
    expect(history.find((h) => h.type === 'RECTIFIED')?.payload).toMatchObject({
      field: 'summary',
      previous: mine.summary,
      value: corrected,
    });
  });

  it('refuses to erase while the case is open, with the legal reason in the answer letter', async () => {
    const r = (await request(w.users.supervisorA, { kind: 'erase' }).expect(201)).body;
    const answer = (
      await t.http().post(`/api/privacy/requests/${r.id}/carry-out`).set(auth(w.users.supervisorA)).expect(200)
    ).body;
    expect(answer).toMatchObject({
      status: 'refused',
      outcome: { refusals: [{ caseId: case1.id, reason: 'case_open' }] },
    });
    const letter = await t
      .http()
      .get(`/api/privacy/requests/${r.id}/letter`)
      .set(auth(w.users.principalA))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const { runs } = readDocx(letter.body as Buffer);
    expect(hasRun(runs, 'hồ sơ đang được hỗ trợ')).toBe(true);
    expect(hasRun(runs, 'Lê Thị Một')).toBe(true);
    // The case is whole.
    const view = (await t.http().get(`/api/cases/${case1.id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(view.summary).not.toBe(SHREDDED_TEXT);
  });

  it('escalates a request left unanswered to the principal once its working days are over, and not an answered one', async () => {
    const open = (await request(w.users.supervisorA, { kind: 'restrict' }).expect(201)).body;
    t.clock.set(new Date(new Date(open.dueAt).getTime() + 3600_000));
    await t.app.get(EscalationSweepService).sweepOnce();
    const alerts = await pg.query(
      `SELECT a.recipient_id, a.reason, d.kind FROM alert a JOIN deadline d ON d.id = a.deadline_id
        WHERE d.kind LIKE 'data_request:%' AND a.level = 'overdue'`,
    );
    // The two still open (the first access request, never exported, and this one); none of those answered.
    expect(alerts.rows.map((a) => a.kind).sort()).toEqual(
      [`data_request:${open.id}`, `data_request:${unanswered}`].sort(),
    );
    expect(alerts.rows.map((a) => a.recipient_id)).toEqual([w.users.principalA.id, w.users.principalA.id]);
    expect(alerts.rows.find((a) => a.kind === `data_request:${open.id}`)?.reason).toMatch(/hạn chế xử lý/);
  });

  it('erases once the case is closed and its period over: the keys are destroyed and the learner’s name is gone', async () => {
    const tv = w.users.counsellorA;
    let c = (await t.http().get(`/api/cases/${case1.id}`).set(auth(tv)).expect(200)).body as CaseBody;
    c = await move(t, tv, c, 'SUBMIT_PLAN', PAYLOADS.plan);
    await move(t, tv, c, 'PROPOSE_CLOSURE', { outcome: 'Em ổn định.' });
    t.clock.advance(6 * 365 * DAY_MS);
    const r = (await request(w.users.supervisorA, { kind: 'erase' }).expect(201)).body;
    const answer = (
      await t.http().post(`/api/privacy/requests/${r.id}/carry-out`).set(auth(w.users.supervisorA)).expect(200)
    ).body;
    expect(answer).toMatchObject({ status: 'done', outcome: { shreddedCases: [case1.id], deidentified: true } });
    const view = (await t.http().get(`/api/cases/${case1.id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(view.summary).toBe(SHREDDED_TEXT);
    const learners = (await t.http().get('/api/learners').query({ schoolId: w.schoolA }).set(auth(w.users.supervisorA)))
      .body.items as { id: string; fullName: string; guardians: unknown[] }[];
    expect(learners.find((l) => l.id === learner1)).toMatchObject({ fullName: '(Đã xóa theo yêu cầu)', guardians: [] });
    expect(JSON.stringify(learners)).not.toContain(mine.guardian);
    const verdict = (await t.http().get(`/api/cases/${case1.id}/history/verify`).set(auth(w.users.supervisorA))).body;
    expect(verdict.valid).toBe(true);
  });
});

import { DataSource } from 'typeorm';
import { FieldCipher } from '@dh/crypto';
import { trackingDigestInput } from '@dh/intake';
import { auth, buildWorld, World } from '../support/fixtures';
import { historyOf, verifyOf } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { FRESH_WINDOWS_MS, publicCaseIds, report, reportCase } from '../support/intake-helpers';

const TEXT = 'Bạn Minh lớp 7A bị mấy bạn lớp trên chặn đánh ở cổng sau mỗi chiều thứ Sáu.';

describe('the public intake form (POST /api/public/intake, no login)', () => {
  let t: TestApp;
  let w: World;
  let pg: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    pg = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const alertsOf = async (login: World['users'][keyof World['users']], caseId: string) =>
    (await t.http().get('/api/alerts').query({ caseId }).set(auth(login)).expect(200)).body.items as {
      level: string;
      reason: string;
      reasonEn: string;
    }[];

  it('names the school a code belongs to, and answers 404 for a code no school has', async () => {
    const found = await t.http().get('/api/public/schools/ta').expect(200);
    expect(found.body).toEqual({ code: 'TA', name: expect.stringContaining('Thử Nghiệm') });
    for (const code of ['ZZ9', 'sai-ma!']) {
      const res = await t
        .http()
        .get(`/api/public/schools/${encodeURIComponent(code)}`)
        .expect(404);
      expect(res.body.code).toBe('SCHOOL_NOT_FOUND');
    }
  });

  it('opens a case in the school’s intake queue, alerts its supervisors, and answers a tracking code and nothing else', async () => {
    t.clock.advance(FRESH_WINDOWS_MS);
    const res = await report(
      t,
      { schoolCode: 'ta', whatIsHappening: TEXT, contact: '0912 345 678 (chị của Minh)', website: '' },
      202,
    );
    expect(Object.keys(res.body).sort()).toEqual(['message', 'messageEn', 'trackingCode']);
    expect(res.body.trackingCode).toMatch(/^TN-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(res.body.message).toContain('Cảm ơn em đã báo tin');
    const [caseId] = await publicCaseIds(t);
    const [row] = await pg.query(`SELECT * FROM "case" WHERE id = $1`, [caseId]);
    // The whole answer (body and headers) names no case, number, school, learner or content.
    const said = JSON.stringify({ body: res.body, headers: res.headers });
    for (const secret of [caseId, row.code, w.schoolA, 'Thử Nghiệm', 'Minh', '0912'])
      expect(said).not.toContain(secret);
    // No case number of the school's form at all ("TA-" alone can end a random tracking code's first group).
    expect(said).not.toMatch(/TA-\d{4}-\d{4}/);

    expect(row).toMatchObject({
      school_id: w.schoolA,
      channel: 'truc_tuyen',
      state: 'intake',
      learner_id: null,
      opened_by: null,
      assignee_id: null,
      risk_level: 'medium',
      areas: [],
    });
    expect(row.summary.startsWith('dh1:')).toBe(true);
    expect(row.tracking_digest).toBe(t.app.get(FieldCipher).digest(trackingDigestInput(res.body.trackingCode)));
    const [reporter] = await pg.query(`SELECT * FROM case_reporter WHERE case_id = $1`, [caseId]);
    expect(reporter).toMatchObject({ anonymous: true, name: null, phone: null });
    expect(reporter.contact.startsWith('dh1:')).toBe(true);
    expect(reporter.contact).not.toContain('0912');

    // In school A's intake queue, masked like every list; not in school B's.
    const queue = (
      await t.http().get('/api/cases').query({ state: 'intake' }).set(auth(w.users.supervisorA)).expect(200)
    ).body.items;
    expect(queue).toEqual([
      expect.objectContaining({
        id: caseId,
        learnerId: null,
        openedBy: null,
        channel: 'truc_tuyen',
        summary: null,
        masked: ['summary', 'riskRationale'],
      }),
    ]);
    expect(queue[0].deadlines.map((d: { kind: string }) => d.kind)).toContain('first_contact');
    expect(
      (await t.http().get('/api/cases').query({ state: 'intake' }).set(auth(w.users.supervisorB)).expect(200)).body
        .items,
    ).toEqual([]);
    await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.supervisorB)).expect(404);
    // A supervisor reads the report and the contact, each read recorded; a counsellor reads it masked.
    expect((await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.supervisorA)).expect(200)).body.summary).toBe(
      TEXT,
    );
    expect((await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.counsellorA)).expect(200)).body).toMatchObject({
      summary: null,
      masked: ['summary', 'riskRationale'],
    });
    expect(
      (await t.http().get(`/api/cases/${caseId}/reporter`).set(auth(w.users.supervisorA)).expect(200)).body.reporter,
    ).toEqual({ anonymous: true, name: null, phone: null, relationship: null, contact: '0912 345 678 (chị của Minh)' });

    // Both supervisors of school A are alerted; school B's supervisor, and school A's counsellor and principal, are not.
    for (const s of [w.users.supervisorA, w.users.supervisorA2]) {
      expect(await alertsOf(s, caseId)).toEqual([
        expect.objectContaining({ level: 'public_intake', reason: expect.stringContaining('Tin báo trực tuyến mới') }),
      ]);
    }
    for (const other of [w.users.supervisorB, w.users.counsellorA, w.users.principalA])
      expect(await alertsOf(other, caseId)).toEqual([]);
    const [{ n: outbox }] = await pg.query(
      `SELECT count(*)::int AS n FROM alert_outbox o JOIN alert a ON a.id = o.alert_id WHERE a.case_id = $1`,
      [caseId],
    );
    expect(outbox).toBe(2);

    // The chain opens with the public actor, the channel and anonymous: true; the content sealed.
    const [opened] = await historyOf(t, w.users.supervisorA, caseId);
    expect(opened).toMatchObject({
      type: 'CASE_OPENED',
      actorId: null,
      actorRole: 'public',
      payload: expect.objectContaining({ channel: 'truc_tuyen', anonymous: true, learnerId: null }),
    });
    const [stored] = await pg.query(`SELECT payload FROM audit_event WHERE case_id = $1 AND seq = 1`, [caseId]);
    expect(JSON.stringify(stored.payload)).not.toContain('Minh');
    expect(await verifyOf(t, w.users.supervisorA, caseId)).toMatchObject({ valid: true });
  });

  it('“em đang gặp nguy hiểm” opens the case at high risk, so first contact is due the same day', async () => {
    const { caseId } = await reportCase(t, {
      schoolCode: 'TA',
      whatIsHappening: 'Em bị bố đánh, em sợ về nhà.',
      urgent: true,
    });
    const c = (await t.http().get(`/api/cases/${caseId}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(c.riskLevel).toBe('high');
    const firstContact = c.deadlines.find((d: { kind: string }) => d.kind === 'first_contact');
    const localDay = (d: string | Date) => new Date(new Date(d).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(localDay(firstContact.dueAt)).toBe(localDay(t.clock.now()));
    expect((await alertsOf(w.users.supervisorA, caseId))[0].reason).toContain('đang gặp nguy hiểm');
  });

  it('a post with the honeypot filled gets the same answer and creates nothing', async () => {
    t.clock.advance(FRESH_WINDOWS_MS);
    const before = await publicCaseIds(t);
    const [{ n: alertsBefore }] = await pg.query(`SELECT count(*)::int AS n FROM alert`);
    const res = await report(
      t,
      { schoolCode: 'TA', whatIsHappening: 'Buy cheap watches', website: 'http://spam.example' },
      202,
    );
    expect(Object.keys(res.body).sort()).toEqual(['message', 'messageEn', 'trackingCode']);
    expect(res.body.trackingCode).toMatch(/^TN-\w{4}-\w{4}$/);
    expect(await publicCaseIds(t)).toEqual(before);
    expect((await pg.query(`SELECT count(*)::int AS n FROM alert`))[0].n).toBe(alertsBefore);
  });

  it('a bad body is a 400 naming each field, and opens nothing', async () => {
    t.clock.advance(FRESH_WINDOWS_MS);
    const before = await publicCaseIds(t);
    const fieldsOf = async (body: Record<string, unknown>) =>
      (await report(t, body, 400)).body.details.map((d: { field: string }) => d.field).sort();
    expect(await fieldsOf({ schoolCode: 'T', whatIsHappening: '   ', urgent: 'có', caseId: 'x' })).toEqual([
      'caseId',
      'schoolCode',
      'urgent',
      'whatIsHappening',
    ]);
    expect(await fieldsOf({ schoolCode: 'TA', whatIsHappening: 'x'.repeat(5001), contact: 'y'.repeat(201) })).toEqual([
      'contact',
      'whatIsHappening',
    ]);
    // School codes are public (the school's notice board prints them with the form), so an unknown one is named.
    const unknown = await report(t, { schoolCode: 'ZZ', whatIsHappening: TEXT }, 400);
    expect(unknown.body.details).toEqual([
      {
        field: 'schoolCode',
        label: 'Mã trường',
        problems: ['Không có trường nào mang mã này / no school has this code'],
      },
    ]);
    expect(await publicCaseIds(t)).toEqual(before);
  });

  it('30 posts from one address in a minute: five are taken, the rest refused with 429, and after the minute it takes them again', async () => {
    t.clock.advance(FRESH_WINDOWS_MS);
    const before = (await publicCaseIds(t)).length;
    const statuses: number[] = [];
    let refused: { body: Record<string, unknown> } | undefined;
    for (let i = 0; i < 30; i += 1) {
      const res = await report(t, { schoolCode: 'TA', whatIsHappening: `Tin báo số ${i}` });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      t.clock.advance(1_000);
    }
    expect(statuses).toEqual([...Array(5).fill(202), ...Array(25).fill(429)]);
    expect(refused?.body).toMatchObject({
      statusCode: 429,
      code: 'TOO_MANY_REPORTS',
      message: expect.stringContaining('Tổng đài 111'),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect((await publicCaseIds(t)).length).toBe(before + 5);
    t.clock.advance(60_000);
    await report(t, { schoolCode: 'TA', whatIsHappening: 'Sau một phút.' }, 202);
    expect((await publicCaseIds(t)).length).toBe(before + 6);
  });

  it('the ward figures count each report whose learner is unknown as a learner of its own', async () => {
    // Two reports in school B: two learners as far as anyone knows, so the ward sees "<5", never the exact count.
    for (const text of ['Tin báo một.', 'Tin báo hai.'])
      await reportCase(t, { schoolCode: 'TB', whatIsHappening: text });
    const schoolOf = (
      body: { schools: { schoolId: string; open: { byChannel: Record<string, unknown> } }[] },
      id: string,
    ) => body.schools.find((s) => s.schoolId === id)?.open.byChannel.truc_tuyen;
    const ward = (await t.http().get('/api/reports/ward/cases').set(auth(w.users.wardW)).expect(200)).body;
    expect(schoolOf(ward, w.schoolB)).toBe('<5');
    const [{ n }] = await pg.query(
      `SELECT count(*)::int AS n FROM "case" WHERE school_id = $1 AND channel = 'truc_tuyen'`,
      [w.schoolA],
    );
    expect(n).toBeGreaterThanOrEqual(5);
    expect(schoolOf(ward, w.schoolA)).toBe(n);
    expect(
      schoolOf(
        (await t.http().get('/api/reports/ward/cases').set(auth(w.users.supervisorB)).expect(200)).body,
        w.schoolB,
      ),
    ).toBe(2);
  });
});

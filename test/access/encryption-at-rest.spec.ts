import { ConsoleLogger } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { auth, buildWorld, World } from '../support/fixtures';
import { historyOf, move, PAYLOADS, prepareReferral, verifyOf } from '../support/case-helpers';
import { useCliAgainst } from '../support/cli';
import { reportCase } from '../support/intake-helpers';
import { sealedNotDeclared } from '../support/sealed-columns';
import { startTestApp, TestApp } from '../support/test-app';

const KEY_1 = 'first-data-key-of-the-ward-0123456789abcdef';
const KEY_2 = 'second-data-key-after-rotation-0123456789ab';

// One marker per confidential field, so a leak names the field it came from.
const tag = randomBytes(4).toString('hex');
const SECRET = {
  summary: `Em kể bị bố đánh bằng thắt lưng tối thứ Sáu ${tag}-tomtat`,
  riskRationale: `Vết bầm trên tay, em sợ về nhà ${tag}-lydo`,
  reporterName: `Nguyễn Thị Hàng Xóm ${tag}-nguoibao`,
  reporterPhone: `09${String(parseInt(tag, 16)).padStart(8, '0').slice(-8)}`,
  guardian: `Trần Văn Cha Dượng ${tag}-giamho`,
  occupation: `Bảo vệ kho hàng đêm ${tag}-nghenghiep`,
  familyCircumstances: `Mẹ mất sớm, em sống với cha dượng ${tag}-hoancanh`,
  actionsTaken: `Đã mời bác ruột của em đến trường ${tag}-daviec`,
  note: `Em xin đừng báo cho bố biết em đã kể ${tag}-ghichu`,
  difficulties: `Mất ngủ, hoảng sợ khi nghe tiếng xe máy ${tag}-khokhan`,
  referralReason: `Cần khám tâm lý vì em có ý định tự làm đau ${tag}-chuyengui`,
  declinedReason: `Phòng khám không nhận trẻ có hồ sơ bạo lực gia đình ${tag}-tuchoi`,
  // Sent through the public form: its contact is sealed in case_reporter like the reporter's other fields.
  contact: `Chị gái của em, Zalo ${tag}-lienhe`,
};
const LATER_NOTE = `Ghi chú viết sau khi đổi khóa ${tag}-sau`;

describe('confidential content is sealed at rest, and survives a key rotation', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  let caseId: string;
  let learnerId: string;
  let publicCaseId: string;
  const logs: string[] = [];
  const capture = (stream: NodeJS.WriteStream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (logs.push(String(chunk)), true));

  beforeAll(async () => {
    capture(process.stdout);
    capture(process.stderr);
    // The server's own JSON logger, every level on, as in production with verbose logging.
    const logger = new ConsoleLogger('Bootstrap', {
      json: true,
      logLevels: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'],
    });
    t = await startTestApp({ DATA_KEY: KEY_1 }, { logger });
    w = await buildWorld(t.app);
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await pg?.end();
    await t?.close();
  });
  const cli = useCliAgainst(() => t);

  // Every row of every table, each column as PostgreSQL prints it: the data pg_dump's COPY sections hold, without
  // needing a pg_dump of the server's major version (a laptop's embedded server has none).
  const dump = async (): Promise<string> => {
    const { rows: tables } = await pg.query<{ name: string; columns: string[] }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name, array_agg(format('%I', column_name)) AS columns
         FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables
                                              WHERE table_type = 'BASE TABLE')
        GROUP BY table_schema, table_name`,
    );
    const sections: string[] = [];
    for (const { name, columns } of tables) {
      const { rows } = await pg.query<{ line: string }>(
        `SELECT concat_ws(E'\\t', ${columns.map((c) => `${c}::text`).join(', ')}) AS line FROM ${name}`,
      );
      sections.push(`COPY ${name}`, ...rows.map((r) => r.line));
    }
    return sections.join('\n');
  };
  const leaks = (text: string) =>
    Object.entries(SECRET)
      .filter(([, v]) => text.includes(v))
      .map(([k]) => k);

  // What an allowed reader gets back through the API: every planted value, intact.
  const readBack = async (app: TestApp) => {
    const { supervisorA: tt } = w.users;
    const c = (await app.http().get(`/api/cases/${caseId}`).set(auth(tt)).expect(200)).body;
    const history = await historyOf(app, tt, caseId);
    const reporter = (await app.http().get(`/api/cases/${caseId}/reporter`).set(auth(tt)).expect(200)).body.reporter;
    const [referral] = (await app.http().get(`/api/cases/${caseId}/referrals`).set(auth(tt)).expect(200)).body.items;
    const learners = (await app.http().get('/api/learners').query({ schoolId: w.schoolA }).set(auth(tt)).expect(200))
      .body.items;
    const records = (await app.http().get(`/api/cases/${caseId}/records`).set(auth(tt)).expect(200)).body;
    return {
      summary: c.summary,
      riskRationale: c.riskRationale,
      reporterName: reporter.name,
      reporterPhone: reporter.phone,
      guardian: learners.find((l: { id: string }) => l.id === learnerId).guardians[0].fullName,
      occupation: learners.find((l: { id: string }) => l.id === learnerId).guardians[0].occupation,
      familyCircumstances: c.familyCircumstances,
      actionsTaken: c.actionsTaken,
      note: history.find((h) => h.type === 'ADD_NOTE')?.payload.text,
      difficulties: history.find((h) => h.type === 'COMPLETE_ASSESSMENT')?.payload.difficulties,
      referralReason: referral.reason,
      declinedReason: referral.answer.declinedReason,
      contact: (await app.http().get(`/api/cases/${publicCaseId}/reporter`).set(auth(tt)).expect(200)).body.reporter
        .contact,
      openedSummary: history.find((h) => h.type === 'CASE_OPENED')?.payload.summary,
      recordedDifficulties: records.assessments[0].difficulties,
    };
  };

  it('keeps every planted sentence out of the database dump and the server logs, and gives it back intact to an allowed reader', async () => {
    const { counsellorA: tv } = w.users;
    learnerId = (
      await t
        .http()
        .post('/api/learners')
        .set(auth(tv))
        .send({
          schoolId: w.schoolA,
          fullName: 'Lê Thị Bí Mật',
          dateOfBirth: '2013-04-04',
          sex: 'nu',
          className: '7A4',
          guardians: [
            {
              fullName: SECRET.guardian,
              relationship: 'cha dượng',
              phone: '0900000001',
              yearOfBirth: 1979,
              occupation: SECRET.occupation,
              currentCarer: true,
            },
          ],
          confirmDistinct: true,
        })
        .expect(201)
    ).body.id;
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
          summary: SECRET.summary,
          riskLevel: 'high',
          riskRationale: SECRET.riskRationale,
          familyCircumstances: SECRET.familyCircumstances,
          actionsTaken: SECRET.actionsTaken,
          reporter: {
            anonymous: false,
            name: SECRET.reporterName,
            phone: SECRET.reporterPhone,
            relationship: 'hàng xóm',
          },
        })
        .expect(201)
    ).body;
    caseId = c.id;
    const note = { type: 'ADD_NOTE', payload: { text: SECRET.note }, expectedVersion: c.version };
    c = (
      await t
        .http()
        .post(`/api/cases/${caseId}/events`)
        .set(auth(tv))
        .set('Idempotency-Key', `note-${tag}`)
        .send(note)
        .expect(200)
    ).body;
    // A retry is matched by a keyed digest: the plain hash of the request, a guess one could test, is nowhere.
    const guess = createHash('sha256')
      .update(canonicalize({ caseId, ...note }) ?? '')
      .digest('hex');
    c = await move(t, tv, c, 'START_ASSESSMENT');
    const { payload: refer } = await prepareReferral(t, w, c, { by: tv });
    c = await move(t, tv, c, 'REFER', { ...refer, reason: SECRET.referralReason });
    c = await move(t, tv, c, 'REFERRAL_DECLINED', { reason: SECRET.declinedReason });
    await move(t, tv, c, 'COMPLETE_ASSESSMENT', {
      ...PAYLOADS.assessment('high'),
      riskRationale: SECRET.riskRationale,
      difficulties: SECRET.difficulties,
    });

    publicCaseId = (
      await reportCase(t, { schoolCode: 'TA', whatIsHappening: 'Em cần được giúp đỡ.', contact: SECRET.contact })
    ).caseId;

    const stored = (await pg.query(`SELECT summary, risk_rationale FROM "case" WHERE id = $1`, [caseId])).rows[0];
    expect(stored.summary).toMatch(/^dh1:[0-9a-f-]{36}:/);
    expect(stored.risk_rationale).toMatch(/^dh1:/);
    const text = await dump();
    expect(text).toContain(`COPY public.audit_event`);
    expect(leaks(text)).toEqual([]);
    expect(text).toContain(`note-${tag}`);
    expect(text).not.toContain(guess);
    expect(logs.join('')).toContain('case transition');
    expect(leaks(logs.join(''))).toEqual([]);

    expect(await readBack(t)).toEqual({
      ...Object.fromEntries(Object.entries(SECRET)),
      openedSummary: SECRET.summary,
      recordedDifficulties: SECRET.difficulties,
    });
  });

  it('holds sealed only what a module declared to the registry, and declares nothing the schema lacks', async () => {
    const found = await sealedNotDeclared(t, pg);
    expect(found.sealed).toEqual(
      expect.arrayContaining([
        'case.summary',
        'case_reporter.name',
        'case_reporter.contact',
        'learner.guardians',
        'assessment_record.difficulties',
        'referral.declined_reason',
      ]),
    );
    expect(found).toMatchObject({ columns: [], payloadFields: [], notInSchema: [] });
  });

  it('refuses to start with a key that does not open the data keys, naming the variable', async () => {
    await expect(startTestApp({ DATA_KEY: KEY_2 }, { database: t.db })).rejects.toThrow(
      /DATA_KEY .*does not open data key/,
    );
  });

  it('rotates to a new key while a server answers: old values still open, re-encrypted rows move to the new data key, the chains stay valid', async () => {
    // Step 1 of the rotation: an instance restarted with the new key and the old one beside it.
    const both = await startTestApp({ DATA_KEY: KEY_2, DATA_KEY_PREVIOUS: KEY_1 }, { database: t.db });
    try {
      const keyBefore = (await pg.query(`SELECT id FROM data_key WHERE active`)).rows[0].id;
      const chainBefore = (
        await pg.query(`SELECT seq, hash, payload FROM audit_event WHERE case_id = $1 ORDER BY seq`, [caseId])
      ).rows;
      process.env.DATA_KEY = KEY_2;
      process.env.DATA_KEY_PREVIOUS = KEY_1;
      const rotated = await cli(['rotate-data-key']);
      expect(rotated.code).toBe(0);
      // Every data key is rewrapped: the shared one and each case's own (the opened case, the public report).
      expect(rotated.out).toMatch(/3 khóa dữ liệu được bọc lại/);
      expect(rotated.out).toMatch(/learner: 1 rows re-encrypted/);

      const keys = (await pg.query(`SELECT id, active, scope, master_fingerprint FROM data_key ORDER BY created_at`))
        .rows;
      expect(keys.filter((k) => k.scope === null)).toHaveLength(2);
      expect(new Set(keys.map((k) => k.master_fingerprint)).size).toBe(1);
      const keyAfter = keys.find((k) => k.active).id;
      expect(keyAfter).not.toBe(keyBefore);
      const caseKey = keys.find((k) => k.scope === `case:${caseId}`).id;
      const publicCaseKey = keys.find((k) => k.scope === `case:${publicCaseId}`).id;
      // A case's content stays under its own key (now wrapped by the new master key); what belongs to no case moves.
      const stored = (
        await pg.query(
          `SELECT summary, risk_rationale, family_circumstances, actions_taken FROM "case" WHERE id = $1`,
          [caseId],
        )
      ).rows[0];
      expect(
        [stored.summary, stored.family_circumstances, stored.actions_taken].map((v: string) =>
          v.startsWith(`dh1:${caseKey}:`),
        ),
      ).toEqual([true, true, true]);
      expect(
        (await pg.query(`SELECT guardians FROM learner WHERE id = $1`, [learnerId])).rows[0].guardians.startsWith(
          `dh1:${keyAfter}:`,
        ),
      ).toBe(true);
      expect(
        (
          await pg.query(`SELECT difficulties FROM assessment_record WHERE case_id = $1`, [caseId])
        ).rows[0].difficulties.startsWith(`dh1:${caseKey}:`),
      ).toBe(true);
      const referral = (await pg.query(`SELECT reason, declined_reason FROM referral WHERE case_id = $1`, [caseId]))
        .rows[0];
      expect([referral.reason, referral.declined_reason].map((v: string) => v.startsWith(`dh1:${caseKey}:`))).toEqual([
        true,
        true,
      ]);
      expect(
        (
          await pg.query(`SELECT contact FROM case_reporter WHERE case_id = $1`, [publicCaseId])
        ).rows[0].contact.startsWith(`dh1:${publicCaseKey}:`),
      ).toBe(true);
      // The trail is never rewritten: the same bytes, still under the case's key.
      expect(
        (
          await pg.query(`SELECT seq, hash, payload FROM audit_event WHERE case_id = $1 AND seq <= $2 ORDER BY seq`, [
            caseId,
            chainBefore.length,
          ])
        ).rows,
      ).toEqual(chainBefore);

      // The instance that ran through the rotation still answers, and meets the new data key on its own.
      const during = await readBack(both);
      expect(during.summary).toBe(SECRET.summary);
      expect(during.note).toBe(SECRET.note);
    } finally {
      await both.close();
    }

    // Step 3: the new key alone opens everything, old events included; a note written now opens too.
    const after = await startTestApp({ DATA_KEY: KEY_2 }, { database: t.db });
    try {
      expect(await readBack(after)).toEqual({
        ...Object.fromEntries(Object.entries(SECRET)),
        openedSummary: SECRET.summary,
        recordedDifficulties: SECRET.difficulties,
      });
      const c = (await after.http().get(`/api/cases/${caseId}`).set(auth(w.users.counsellorA)).expect(200)).body;
      await move(after, w.users.counsellorA, c, 'ADD_NOTE', { text: LATER_NOTE });
      const notes = (await historyOf(after, w.users.supervisorA, caseId))
        .filter((h) => h.type === 'ADD_NOTE')
        .map((h) => h.payload.text);
      expect(notes).toEqual([SECRET.note, LATER_NOTE]);
      expect((await verifyOf(after, w.users.supervisorA, caseId)).valid).toBe(true);
      const admin = (await after.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body;
      expect(admin.valid).toBe(true);
      const dumped = await dump();
      expect(leaks(dumped)).toEqual([]);
      expect(dumped).not.toContain(LATER_NOTE);
    } finally {
      await after.close();
    }
    // The old key alone no longer opens anything.
    await expect(startTestApp({ DATA_KEY: KEY_1 }, { database: t.db })).rejects.toThrow(/DATA_KEY/);
  });
});

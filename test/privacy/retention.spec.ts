import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { decrypt } from '../../libs/crypto/src/aes-gcm';
import { masterKeyFrom, SealedRegistry, SHREDDED_TEXT } from '@dh/crypto';
import { ReportFiguresService, reportPeriod } from '@dh/reports';
import { RetentionService } from '@dh/retention';
import { auth, buildWorld, Login, World } from '../support/fixtures';
import { CaseBody, historyOf, move, openCase, PAYLOADS, verifyOf } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';

const KEY = 'retention-test-data-key-0123456789abcdefgh';
const YEAR_MS = 365.25 * 24 * 3600_000;

// Markers planted in each kind of sealed content of a case, so a leak names where it came from.
const markersOf = (name: string) => {
  const tag = `${name}-${randomBytes(3).toString('hex')}`;
  return {
    summary: `Em bị bạn cùng lớp bắt nạt ${tag}-tomtat`,
    family: `Bố mẹ đi làm xa, em ở với ông bà ${tag}-hoancanh`,
    reporter: `Nguyễn Văn Người Báo ${tag}-nguoibao`,
    note: `Em xin giữ kín chuyện này ${tag}-ghichu`,
    difficulties: `Em sợ đến trường ${tag}-khokhan`,
    goal: `Em tự tin đến lớp ${tag}-muctieu`,
    session: `Em kể lại buổi chiều thứ Hai ${tag}-buoigap`,
    outcome: `Em đã đi học đều ${tag}-ketqua`,
  };
};
type Markers = ReturnType<typeof markersOf>;

describe('retention: a closed case’s content is destroyed when its period ends, its trail still verifies', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const shredA = markersOf('A');
  const heldB = markersOf('B');
  let caseA: CaseBody;
  let caseB: CaseBody;

  // A case with every marker in its sealed content, worked to its closure.
  const plantAndClose = async (m: Markers): Promise<CaseBody> => {
    const tv = w.users.counsellorA;
    let c = await openCase(t, w, {
      body: {
        summary: m.summary,
        familyCircumstances: m.family,
        reporter: { anonymous: false, name: m.reporter, relationship: 'phụ huynh' },
      },
    });
    c = await move(t, tv, c, 'ADD_NOTE', { text: m.note });
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', { ...PAYLOADS.assessment('low'), difficulties: m.difficulties });
    c = await move(t, tv, c, 'SUBMIT_PLAN', { ...PAYLOADS.plan, goals: [m.goal] });
    await t
      .http()
      .post(`/api/cases/${c.id}/sessions`)
      .set(auth(tv))
      .send({ ...PAYLOADS.session, evaluation: m.session })
      .expect(201);
    c = (await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200)).body as CaseBody;
    return move(t, tv, c, 'PROPOSE_CLOSURE', { outcome: m.outcome });
  };

  // Everything the API gives an allowed reader about a case, as one text.
  const readAll = async (caseId: string, by: Login = w.users.supervisorA): Promise<string> => {
    const get = async (path: string) =>
      (await t.http().get(`/api/cases/${caseId}${path}`).set(auth(by)).expect(200)).body as unknown;
    return JSON.stringify([
      await get(''),
      await historyOf(t, by, caseId),
      await get('/records'),
      await get('/reporter'),
    ]);
  };
  const found = (text: string, m: Markers) => Object.keys(m).filter((k) => text.includes(m[k as keyof Markers]));

  // What someone holding a dump and DATA_KEY can open: every data key still wrapped in the dump, tried on every
  // sealed value with every context the code seals under.
  const openWithMasterKey = async (): Promise<string> => {
    const master = masterKeyFrom(KEY);
    const keys = (
      await pg.query<{ id: string; wrapped: string }>(`SELECT id, wrapped FROM data_key WHERE wrapped IS NOT NULL`)
    ).rows.map((r) => decrypt(master.key, Buffer.from(r.wrapped, 'base64'), `data_key:${r.id}`));
    const registry = t.app.get(SealedRegistry);
    const contexts = [
      ...registry.sealedTables().flatMap((s) => Object.values(s.columns)),
      ...Object.entries(registry.sealedPayloads()).flatMap(([type, fields]) =>
        fields.map((f) => `audit_event:${type}.${f}`),
      ),
    ];
    const { rows: tables } = await pg.query<{ name: string }>(
      `SELECT format('%I', table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { name } of tables) {
      dump += (await pg.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows
        .map((r) => r.row)
        .join('\n');
    }
    const opened: string[] = [];
    for (const [, body] of dump.matchAll(/dh1:[0-9a-f-]{36}:([A-Za-z0-9_-]+)/g)) {
      const sealed = Buffer.from(body, 'base64url');
      for (const key of keys)
        for (const context of contexts) {
          try {
            opened.push(decrypt(key, sealed, context).toString('utf8'));
          } catch {
            // not this key, or not this context
          }
        }
    }
    return opened.join('\n');
  };

  const figures = () =>
    t.app
      .get(DataSource)
      .transaction((tx) =>
        t.app
          .get(ReportFiguresService)
          .compute(tx, w.schoolA, reportPeriod('school_year', '2025-2026', 'Asia/Ho_Chi_Minh')),
      );

  beforeAll(async () => {
    t = await startTestApp({ DATA_KEY: KEY });
    w = await buildWorld(t.app);
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
    caseA = await plantAndClose(shredA);
    caseB = await plantAndClose(heldB);
  });
  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  it('gives every planted marker back to an allowed reader before the period ends, and shreds nothing early', async () => {
    expect(found(await readAll(caseA.id), shredA)).toEqual(Object.keys(shredA));
    t.clock.advance(4 * YEAR_MS);
    expect((await t.app.get(RetentionService).sweep()).shredded).toEqual([]);
  });

  it('lets a supervisor, and no counsellor, place a legal hold with a reason', async () => {
    const hold = (by: Login, body: object) =>
      t.http().post(`/api/cases/${caseB.id}/legal-hold`).set(auth(by)).send(body);
    await hold(w.users.counsellorA, { reason: 'Điều tra.' }).expect(403);
    const empty = await hold(w.users.supervisorA, { reason: '  ' }).expect(400);
    expect(JSON.stringify(empty.body)).toContain('reason');
    await hold(w.users.supervisorB, { reason: 'Điều tra.' }).expect(404);
    const placed = await hold(w.users.supervisorA, { reason: 'Công an phường đang điều tra vụ việc.' }).expect(200);
    expect(placed.body).toMatchObject({ caseId: caseB.id, held: true, placedBy: w.users.supervisorA.id });
    await hold(w.users.supervisorA, { reason: 'Lần nữa.' }).expect(409);
    // The case's page says it is held, and since when; not the sealed reason.
    const held = (await t.http().get(`/api/cases/${caseB.id}`).set(auth(w.users.counsellorA)).expect(200)).body;
    expect(held).toMatchObject({ legalHold: { placedAt: placed.body.placedAt, placedBy: w.users.supervisorA.id } });
    expect(held).toMatchObject({ shreddedAt: null });
  });

  it('after five years destroys the case’s data key: no marker through the API nor from a dump with the master key', async () => {
    const before = await figures();
    expect(before.casesClosed.total).toBeGreaterThanOrEqual(2);
    expect(before.casesOpened.byArea.tam_ly.total).toBeGreaterThanOrEqual(2);
    t.clock.advance(1 * YEAR_MS + 2 * 24 * 3600_000);

    const { shredded } = await t.app.get(RetentionService).sweep();
    expect(shredded.map((c) => c.id)).toEqual([caseA.id]);
    expect(shredded[0]).toMatchObject({ years: 5, kinds: ['counselling_record'] });

    const read = await readAll(caseA.id);
    expect(found(read, shredA)).toEqual([]);
    const view = (await t.http().get(`/api/cases/${caseA.id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(view).toMatchObject({
      summary: SHREDDED_TEXT,
      familyCircumstances: SHREDDED_TEXT,
      state: 'closed.followUp',
      shreddedAt: t.clock.now().toISOString(),
      legalHold: null,
    });
    const note = (await historyOf(t, w.users.supervisorA, caseA.id)).find((h) => h.type === 'ADD_NOTE');
    expect(note?.payload.text).toBe(SHREDDED_TEXT);

    const opened = await openWithMasterKey();
    expect(found(opened, shredA)).toEqual([]);
    // The same search finds the held case's content: it is the key, not the search, that stops it.
    expect(found(opened, heldB)).toEqual(expect.arrayContaining(['summary', 'note', 'difficulties', 'goal']));

    // The chain still verifies, and says what happened; the admin chain too.
    expect((await verifyOf(t, w.users.supervisorA, caseA.id)).valid).toBe(true);
    const shreddedEvent = (await historyOf(t, w.users.supervisorA, caseA.id)).find((h) => h.type === 'CASE_SHREDDED');
    expect(shreddedEvent).toMatchObject({ payload: { years: 5, kinds: ['counselling_record'] } });
    const admin = (await t.http().get('/api/admin/audit/verify').set(auth(w.users.adminW)).expect(200)).body;
    expect(admin.valid).toBe(true);
    const logged = await pg.query(`SELECT subject_id FROM admin_audit_event WHERE type = 'CASE_SHREDDED'`);
    expect(logged.rows).toEqual([{ subject_id: caseA.id }]);

    // The figures count it as before: stage, dates, areas and risk are not sealed.
    expect(await figures()).toEqual(before);
  });

  it('refuses to write to a shredded case, changing nothing', async () => {
    const c = (await t.http().get(`/api/cases/${caseA.id}`).set(auth(w.users.counsellorA)).expect(200)).body;
    const reopen = await t
      .http()
      .post(`/api/cases/${caseA.id}/events`)
      .set(auth(w.users.counsellorA))
      .send({ type: 'REOPEN', payload: { reason: 'Em lại gặp khó khăn.' }, expectedVersion: c.version });
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('CONTENT_SHREDDED');
    const after = (await t.http().get(`/api/cases/${caseA.id}`).set(auth(w.users.counsellorA)).expect(200)).body;
    expect(after).toMatchObject({ version: c.version, state: 'closed.followUp' });
    await t
      .http()
      .post(`/api/cases/${caseA.id}/legal-hold`)
      .set(auth(w.users.supervisorA))
      .send({ reason: 'Quá muộn.' })
      .expect(409);
  });

  it('keeps a held case whole until the hold is released, then shreds it at the next sweep', async () => {
    expect((await t.app.get(RetentionService).sweep()).shredded).toEqual([]);
    expect(found(await readAll(caseB.id), heldB)).toEqual(Object.keys(heldB));
    await t
      .http()
      .post(`/api/cases/${caseB.id}/legal-hold/release`)
      .set(auth(w.users.supervisorA))
      .send({ reason: 'Cơ quan điều tra đã kết thúc vụ việc.' })
      .expect(200);
    const released = (await t.http().get(`/api/cases/${caseB.id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    expect(released.legalHold).toBeNull();
    const { shredded } = await t.app.get(RetentionService).sweep();
    expect(shredded.map((c) => c.id)).toEqual([caseB.id]);
    expect(found(await readAll(caseB.id), heldB)).toEqual([]);
    const types = (await historyOf(t, w.users.supervisorA, caseB.id))
      .map((h) => h.type)
      .filter((type) => type !== 'VIEWED')
      .slice(-3);
    expect(types).toEqual(['LEGAL_HOLD_PLACED', 'LEGAL_HOLD_RELEASED', 'CASE_SHREDDED']);
    expect((await verifyOf(t, w.users.supervisorA, caseB.id)).valid).toBe(true);
  });
});

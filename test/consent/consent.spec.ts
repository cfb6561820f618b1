import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ConsentService, SharingScope } from '@dh/consent';
import { auth, Login, World } from '../support/fixtures';
import { CaseBody, historyOf, verifyOf } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { sealedNotDeclared } from '../support/sealed-columns';

const GUARDIAN = { fullName: 'Trần Thị Mai Hương', relationship: 'mẹ' };
const PURPOSE = 'Chuyển gửi Trạm y tế phường để đánh giá tâm lý chuyên sâu.';
const guardianConsent = (over: Record<string, unknown> = {}) => ({
  givenBy: 'guardian',
  guardian: GUARDIAN,
  scope: { kind: 'referral', purpose: PURPOSE },
  givenAt: '2026-03-01',
  how: 'van_ban',
  ...over,
});
const learnerConsent = (over: Record<string, unknown> = {}) => ({
  givenBy: 'learner',
  scope: { kind: 'referral', purpose: PURPOSE },
  givenAt: '2026-03-02',
  how: 'truc_tiep',
  ...over,
});

describe('the consent ledger: recorded, listed and withdrawn in the case chain; the sharing rule', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  // The clock stands at 2026-03-02 09:00 in Hà Nội: born 2013-05-14 is 12, born 2019-06-01 is 6.
  const openCaseOf = async (
    dateOfBirth = '2013-05-14',
    by: Login = w.users.counsellorA,
    schoolId = w.schoolA,
  ): Promise<CaseBody> => {
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(by))
      .send({
        schoolId,
        fullName: `Học Sinh ${randomUUID().slice(0, 8)}`,
        dateOfBirth,
        sex: 'nu',
        className: '2A',
        confirmDistinct: true,
      })
      .expect(201);
    const res = await t
      .http()
      .post('/api/cases')
      .set(auth(by))
      .send({
        schoolId,
        learnerId: learner.body.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'giao_vien',
        summary: 'Em hay khóc trong giờ học.',
        riskLevel: 'medium',
        riskRationale: 'Đánh giá ban đầu.',
      })
      .expect(201);
    return res.body as CaseBody;
  };
  const record = (by: Login, caseId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/cases/${caseId}/consents`).set(auth(by)).send(body);
  const list = (by: Login, caseId: string) => t.http().get(`/api/cases/${caseId}/consents`).set(auth(by));
  const withdraw = (
    by: Login,
    caseId: string,
    consentId: string,
    body: Record<string, unknown> = { reason: 'Gia đình đổi ý.' },
  ) => t.http().post(`/api/cases/${caseId}/consents/${consentId}/withdraw`).set(auth(by)).send(body);
  const stored = async (caseId: string) => ({
    consents: Number((await pg.query(`SELECT count(*) FROM consent WHERE case_id = $1`, [caseId])).rows[0].count),
    events: Number((await pg.query(`SELECT count(*) FROM audit_event WHERE case_id = $1`, [caseId])).rows[0].count),
  });
  const caseRow = async (by: Login, caseId: string) =>
    (await t.http().get(`/api/cases/${caseId}`).set(auth(by)).expect(200)).body;

  it('records a guardian’s and a learner’s consent as chain events that leave the stage and version alone, sealed at rest', async () => {
    const c = await openCaseOf();
    const g = await record(w.users.counsellorA, c.id, guardianConsent()).expect(201);
    // The answer to a write is masked, like every other.
    expect(g.body).toMatchObject({
      caseId: c.id,
      givenBy: 'guardian',
      guardian: { fullName: null, relationship: null },
      scope: { kind: 'referral', receiverId: null, purpose: null },
      givenAt: '2026-03-01',
      how: 'van_ban',
      recordedBy: w.users.counsellorA.id,
      recordedAt: t.clock.now().toISOString(),
      withdrawal: null,
      masked: ['guardian.fullName', 'guardian.relationship', 'scope.purpose'],
    });
    const l = await record(w.users.supervisorA, c.id, learnerConsent()).expect(201);
    expect(l.body).toMatchObject({ givenBy: 'learner', guardian: null, masked: ['scope.purpose'] });

    const after = await caseRow(w.users.supervisorA, c.id);
    expect({ state: after.state, version: after.version }).toEqual({ state: c.state, version: c.version });
    const history = await historyOf(t, w.users.supervisorA, c.id);
    expect(history.filter((h) => h.type.startsWith('CONSENT_'))).toEqual([
      expect.objectContaining({
        type: 'CONSENT_RECORDED',
        fromState: 'intake',
        toState: 'intake',
        actorId: w.users.counsellorA.id,
        actorRole: 'counsellor',
        payload: {
          consentId: g.body.id,
          givenBy: 'guardian',
          guardianName: GUARDIAN.fullName,
          guardianRelationship: 'mẹ',
          kind: 'referral',
          receiverId: null,
          purpose: PURPOSE,
          givenAt: '2026-03-01',
          how: 'van_ban',
        },
      }),
      expect.objectContaining({
        type: 'CONSENT_RECORDED',
        actorRole: 'supervisor',
        payload: expect.objectContaining({ consentId: l.body.id, givenBy: 'learner' }),
      }),
    ]);
    expect((await verifyOf(t, w.users.auditorA, c.id)).valid).toBe(true);

    const row = (
      await pg.query(`SELECT guardian_name, guardian_relationship, purpose FROM consent WHERE id = $1`, [g.body.id])
    ).rows[0];
    expect(Object.values(row).every((v) => String(v).startsWith('dh1:'))).toBe(true);
    const trail = (
      await pg.query(`SELECT payload::text AS p FROM audit_event WHERE case_id = $1 AND type = 'CONSENT_RECORDED'`, [
        c.id,
      ])
    ).rows
      .map((r) => r.p)
      .join('');
    expect(trail).not.toContain(GUARDIAN.fullName);
    expect(trail).not.toContain(PURPOSE);
  });

  it('lists them oldest first: opened for the case team (a VIEWED event), masked for a principal without a grant and for an auditor', async () => {
    const c = await openCaseOf();
    const g = (
      await record(
        w.users.counsellorA,
        c.id,
        guardianConsent({ scope: { kind: 'school_transfer', receiverId: randomUUID(), purpose: 'Chuyển trường.' } }),
      ).expect(201)
    ).body;
    t.clock.advance(60_000);
    const l = (await record(w.users.counsellorA, c.id, learnerConsent()).expect(201)).body;
    const viewed = async () =>
      (
        await pg.query(
          `SELECT actor_role, payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED' ORDER BY seq`,
          [c.id],
        )
      ).rows;

    const team = (await list(w.users.counsellorA, c.id).expect(200)).body.items;
    expect(team.map((i: { id: string }) => i.id)).toEqual([g.id, l.id]);
    expect(team[0]).toMatchObject({
      guardian: GUARDIAN,
      scope: { kind: 'school_transfer', receiverId: g.scope.receiverId, purpose: 'Chuyển trường.' },
      masked: [],
    });
    expect(await viewed()).toEqual([
      {
        actor_role: 'counsellor',
        payload: {
          fields: ['consent.guardian.fullName', 'consent.guardian.relationship', 'consent.scope.purpose'],
          role: 'counsellor',
        },
      },
    ]);

    for (const reader of [w.users.principalA, w.users.auditorA]) {
      const items = (await list(reader, c.id).expect(200)).body.items;
      expect(items[0]).toMatchObject({
        givenBy: 'guardian',
        guardian: { fullName: null, relationship: null },
        scope: { kind: 'school_transfer', purpose: null },
        masked: ['guardian.fullName', 'guardian.relationship', 'scope.purpose'],
      });
      expect(JSON.stringify(items)).not.toContain(GUARDIAN.fullName);
    }
    expect(await viewed()).toHaveLength(1);
  });

  it('withdraws a consent once: in the chain, the version unchanged, a second withdrawal refused', async () => {
    const c = await openCaseOf();
    const g = (await record(w.users.counsellorA, c.id, guardianConsent()).expect(201)).body;
    t.clock.advance(3_600_000);
    const res = await withdraw(w.users.counsellorA, c.id, g.id, { reason: 'Mẹ em muốn tự đưa em đi khám.' }).expect(
      200,
    );
    expect(res.body.withdrawal).toEqual({
      withdrawnAt: t.clock.now().toISOString(),
      withdrawnBy: w.users.counsellorA.id,
      reason: null,
    });
    expect((await withdraw(w.users.supervisorA, c.id, g.id).expect(409)).body).toMatchObject({
      code: 'CONSENT_ALREADY_WITHDRAWN',
      details: { withdrawnAt: t.clock.now().toISOString() },
    });
    await withdraw(w.users.counsellorA, c.id, randomUUID()).expect(404);
    await withdraw(w.users.counsellorA, c.id, g.id, { reason: '  ' }).expect(400);

    expect((await list(w.users.supervisorA, c.id).expect(200)).body.items[0].withdrawal.reason).toBe(
      'Mẹ em muốn tự đưa em đi khám.',
    );
    expect((await caseRow(w.users.supervisorA, c.id)).version).toBe(c.version);
    const events = (await historyOf(t, w.users.supervisorA, c.id)).filter((h) => h.type === 'CONSENT_WITHDRAWN');
    expect(events).toEqual([
      expect.objectContaining({
        actorId: w.users.counsellorA.id,
        payload: { consentId: g.id, givenBy: 'guardian', kind: 'referral', reason: 'Mẹ em muốn tự đưa em đi khám.' },
      }),
    ]);
    expect((await verifyOf(t, w.users.supervisorA, c.id)).valid).toBe(true);
  });

  it('refuses malformed input naming each field, and stores nothing', async () => {
    const c = await openCaseOf();
    const before = await stored(c.id);
    const bad = await record(w.users.counsellorA, c.id, {
      givenBy: 'ban_than',
      scope: { kind: 'bao_chi', receiverId: 'not-a-uuid', purpose: ' ' },
      givenAt: '2026-02-30',
      how: 'fax',
    }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'givenAt',
      'givenBy',
      'how',
      'scope.kind',
      'scope.purpose',
      'scope.receiverId',
    ]);
    const fieldsOf = async (body: Record<string, unknown>) =>
      (await record(w.users.counsellorA, c.id, body).expect(400)).body.details.map((d: { field: string }) => d.field);
    expect(await fieldsOf(guardianConsent({ guardian: undefined }))).toEqual(['guardian']);
    expect(await fieldsOf(guardianConsent({ guardian: { fullName: '', relationship: 'mẹ' } }))).toEqual([
      'guardian.fullName',
    ]);
    expect(await fieldsOf(learnerConsent({ guardian: GUARDIAN }))).toEqual(['guardian']);
    expect(await fieldsOf(guardianConsent({ scope: undefined }))).toEqual(['scope']);
    expect(await fieldsOf(guardianConsent({ extra: 1 }))).toEqual(['extra']);
    expect(await fieldsOf(guardianConsent({ givenAt: '2026-03-03' }))).toEqual(['givenAt']);
    expect(await stored(c.id)).toEqual(before);
    // "Today" is Hà Nội's: 00:30 on 3 March there is still 2 March in UTC.
    t.clock.set('2026-03-02T17:30:00Z');
    await record(w.users.counsellorA, c.id, guardianConsent({ givenAt: '2026-03-03' })).expect(201);
  });

  it('refuses a learner under 7 as the giver (422 learner_too_young), the guardian of that learner recorded', async () => {
    const c = await openCaseOf('2019-06-01');
    const before = await stored(c.id);
    const res = await record(w.users.counsellorA, c.id, learnerConsent()).expect(422);
    expect(res.body).toMatchObject({
      code: 'LEARNER_TOO_YOUNG',
      details: { reason: 'learner_too_young', minimumAge: 7 },
      messageEn: expect.stringContaining('under 7'),
    });
    expect(res.body.message).toMatch(/dưới 7 tuổi/);
    expect(await stored(c.id)).toEqual(before);
    await record(w.users.counsellorA, c.id, guardianConsent()).expect(201);
  });

  it('hides another school’s case (404) and keeps consents to the case team (403 for a counsellor not assigned)', async () => {
    const c = await openCaseOf();
    const g = (await record(w.users.counsellorA, c.id, guardianConsent()).expect(201)).body;
    for (const stranger of [w.users.counsellorB, w.users.supervisorB, w.users.principalB]) {
      await record(stranger, c.id, guardianConsent()).expect(404);
      await list(stranger, c.id).expect(404);
      await withdraw(stranger, c.id, g.id).expect(404);
    }
    expect((await record(w.users.counsellorA2, c.id, guardianConsent()).expect(403)).body.code).toBe('NOT_CASE_TEAM');
    await withdraw(w.users.principalA, c.id, g.id).expect(403);
    // A consent of another case is not found through this one.
    const other = await openCaseOf();
    await withdraw(w.users.counsellorA, other.id, g.id).expect(404);
    expect((await stored(c.id)).consents).toBe(1);
  });

  it('answers generated bad bodies with 4xx, never a server error, and the chain stays valid', async () => {
    const c = await openCaseOf();
    const g = (await record(w.users.counsellorA, c.id, guardianConsent()).expect(201)).body;
    const nasty = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.constantFrom(null, [], {}, '', ' ', '\u0000', '2026-02-30', 'guardian', 'learner', 'referral', randomUUID()),
    );
    const body = fc.record(
      {
        givenBy: nasty,
        guardian: fc.oneof(nasty, fc.record({ fullName: nasty, relationship: nasty })),
        scope: fc.oneof(nasty, fc.record({ kind: nasty, receiverId: nasty, purpose: nasty })),
        givenAt: nasty,
        how: nasty,
      },
      { requiredKeys: [] },
    );
    const statuses: number[] = [];
    for (const b of fc.sample(body, { numRuns: 120, seed: 20260302 }))
      statuses.push((await record(w.users.counsellorA, c.id, b)).status);
    for (const b of fc.sample(
      fc.oneof(fc.record({ reason: nasty }, { requiredKeys: [] }), fc.constantFrom([], { reason: 'x', extra: 1 })),
      { numRuns: 40, seed: 20260302 },
    )) {
      statuses.push(
        (await t.http().post(`/api/cases/${c.id}/consents/${g.id}/withdraw`).set(auth(w.users.counsellorA)).send(b))
          .status,
      );
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect((await verifyOf(t, w.users.supervisorA, c.id)).valid).toBe(true);
  });

  describe('checkSharing', () => {
    const check = (caseId: string, scope: SharingScope, at = t.clock.now()) =>
      t.app.get(DataSource).transaction((tx) => t.app.get(ConsentService).checkSharing(tx, caseId, scope, at));

    it('answers the truth table', async () => {
      const twelve = await openCaseOf();
      expect(await check(twelve.id, { kind: 'referral' })).toEqual({ ok: false, missing: ['guardian', 'learner'] });
      const g = (await record(w.users.counsellorA, twelve.id, guardianConsent()).expect(201)).body;
      expect(await check(twelve.id, { kind: 'referral' })).toEqual({ ok: false, missing: ['learner'] });
      const l = (await record(w.users.counsellorA, twelve.id, learnerConsent()).expect(201)).body;
      const both = await check(twelve.id, { kind: 'referral', receiverId: randomUUID() });
      expect(both).toEqual({
        ok: true,
        consents: expect.arrayContaining([
          expect.objectContaining({ id: g.id, givenBy: 'guardian' }),
          expect.objectContaining({ id: l.id, givenBy: 'learner' }),
        ]),
      });
      expect(both.ok && both.consents).toHaveLength(2);
      // Another kind of sharing is not covered; nor a day before the learner agreed.
      expect(await check(twelve.id, { kind: 'parent_body' })).toEqual({ ok: false, missing: ['guardian', 'learner'] });
      expect(await check(twelve.id, { kind: 'referral' }, new Date('2026-03-01T10:00:00Z'))).toEqual({
        ok: false,
        missing: ['learner'],
      });

      await withdraw(w.users.supervisorA, twelve.id, g.id).expect(200);
      expect(await check(twelve.id, { kind: 'referral' })).toEqual({ ok: false, missing: ['guardian'] });
    });

    it('a consent naming a receiver covers that receiver only', async () => {
      const c = await openCaseOf();
      const [clinic, other] = [randomUUID(), randomUUID()];
      await record(
        w.users.counsellorA,
        c.id,
        guardianConsent({ scope: { kind: 'referral', receiverId: clinic, purpose: PURPOSE } }),
      ).expect(201);
      await record(
        w.users.counsellorA,
        c.id,
        learnerConsent({ scope: { kind: 'referral', receiverId: clinic, purpose: PURPOSE } }),
      ).expect(201);
      expect((await check(c.id, { kind: 'referral', receiverId: clinic })).ok).toBe(true);
      expect(await check(c.id, { kind: 'referral', receiverId: other })).toEqual({
        ok: false,
        missing: ['guardian', 'learner'],
      });
    });

    it('a learner of 6 needs only the guardian', async () => {
      const c = await openCaseOf('2019-06-01');
      expect(await check(c.id, { kind: 'referral' })).toEqual({ ok: false, missing: ['guardian'] });
      const g = (await record(w.users.counsellorA, c.id, guardianConsent()).expect(201)).body;
      expect(await check(c.id, { kind: 'referral' })).toEqual({
        ok: true,
        consents: [expect.objectContaining({ id: g.id })],
      });
    });
  });

  it('holds sealed only what a module declared to the registry, consents included', async () => {
    const found = await sealedNotDeclared(t, pg);
    expect(found.sealed).toEqual(
      expect.arrayContaining(['consent.guardian_name', 'consent.purpose', 'consent.withdrawal_reason']),
    );
    expect(found).toMatchObject({ columns: [], payloadFields: [], notInSchema: [] });
  });
});

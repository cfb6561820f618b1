import { auth, Login } from '../support/fixtures';
import { CaseBody, historyOf, move, openCase, PAYLOADS, verifyOf } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';
import { sealedNotDeclared } from '../support/sealed-columns';

const TABLES = [
  'assessment_record',
  'support_plan',
  'closure_record',
  'counselling_session',
  'family_contact',
  'follow_up_contact',
];

describe('case records: each event’s content in its own table, in the transition’s transaction', () => {
  const world = useTestWorld();
  const t = () => world.t;
  const w = () => world.w;

  const records = (by: Login, caseId: string) => t().http().get(`/api/cases/${caseId}/records`).set(auth(by));
  const post = (by: Login, caseId: string, path: string, body: object) =>
    t().http().post(`/api/cases/${caseId}/${path}`).set(auth(by)).send(body);
  const caseOf = async (caseId: string) =>
    (await t().http().get(`/api/cases/${caseId}`).set(auth(w().users.supervisorA)).expect(200)).body as CaseBody;
  const viewedCount = async (caseId: string) =>
    Number(
      (await world.pg.query(`SELECT count(*) FROM audit_event WHERE case_id = $1 AND type = 'VIEWED'`, [caseId]))
        .rows[0].count,
    );
  const sealedIn = async (table: string, caseId: string) =>
    (await world.pg.query(`SELECT * FROM ${table} WHERE case_id = $1`, [caseId])).rows;

  const toMonitoring = async (): Promise<CaseBody> => {
    const c = await move(t(), w().users.counsellorA, await openCase(t(), w()), 'START_ASSESSMENT');
    const planning = await move(t(), w().users.counsellorA, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    return move(t(), w().users.counsellorA, planning, 'SUBMIT_PLAN', PAYLOADS.plan);
  };

  it('stores the assessment, every plan revision and the closure, and reads them back whole to the case team', async () => {
    const by = w().users.counsellorA;
    const assessing = await move(t(), by, await openCase(t(), w()), 'START_ASSESSMENT');
    const planning = await move(t(), by, assessing, 'COMPLETE_ASSESSMENT', PAYLOADS.assessmentFull());
    const monitoring = await move(t(), by, planning, 'SUBMIT_PLAN', PAYLOADS.planFull);
    t().clock.advance(86_400_000);
    const revising = await move(t(), by, monitoring, 'REVISE_PLAN', {
      ...PAYLOADS.plan,
      reason: 'Em chuyển sang ở với bà ngoại.',
    });
    const again = await move(t(), by, revising, 'SUBMIT_PLAN', { ...PAYLOADS.plan, goals: ['Duy trì nề nếp học tập'] });
    const closed = await move(t(), by, again, 'PROPOSE_CLOSURE', PAYLOADS.closureFull);
    expect(closed.state).toBe('closed.followUp');

    const body = (await records(by, closed.id).expect(200)).body;
    const { riskLevel, ...assessmentText } = PAYLOADS.assessmentFull();
    expect(body.assessments).toEqual([
      expect.objectContaining({ caseId: closed.id, riskLevel, ...assessmentText, recordedBy: by.id, masked: [] }),
    ]);
    expect(
      body.plans.map((p: { revision: number; event: string; revisionReason: string | null }) => [
        p.revision,
        p.event,
        p.revisionReason,
      ]),
    ).toEqual([
      [1, 'SUBMIT_PLAN', null],
      [2, 'REVISE_PLAN', 'Em chuyển sang ở với bà ngoại.'],
      [3, 'SUBMIT_PLAN', null],
    ]);
    expect(body.plans[0]).toMatchObject(PAYLOADS.planFull);
    expect(body.plans[2]).toMatchObject({
      goals: ['Duy trì nề nếp học tập'],
      activities: null,
      form: null,
      partners: null,
    });
    expect(body.closures).toEqual([expect.objectContaining({ event: 'PROPOSE_CLOSURE', ...PAYLOADS.closureFull })]);
    expect(body).toMatchObject({ sessions: [], familyContacts: [], followUps: [] });

    // The trail names the rows written, and still verifies.
    const history = await historyOf(t(), w().users.supervisorA, closed.id);
    expect(history.find((h) => h.type === 'COMPLETE_ASSESSMENT')?.payload).toMatchObject({
      assessmentId: body.assessments[0].id,
      facts: assessmentText.facts,
    });
    expect(
      history.filter((h) => h.type === 'SUBMIT_PLAN' || h.type === 'REVISE_PLAN').map((h) => h.payload.planRevision),
    ).toEqual([1, 2, 3]);
    expect(history.find((h) => h.type === 'PROPOSE_CLOSURE')?.payload).toMatchObject({
      closureId: body.closures[0].id,
    });
    expect((await verifyOf(t(), w().users.auditorA, closed.id)).valid).toBe(true);
  });

  it('keeps CLOSE’s results and CLOSE_AT_INTAKE’s reason as closure records', async () => {
    const by = w().users.counsellorA;
    const closedEarly = await move(
      t(),
      by,
      await move(t(), by, await openCase(t(), w()), 'START_ASSESSMENT'),
      'CLOSE',
      PAYLOADS.closureFull,
    );
    expect((await records(by, closedEarly.id).expect(200)).body.closures).toEqual([
      expect.objectContaining({ event: 'CLOSE', ...PAYLOADS.closureFull }),
    ]);
    const atIntake = await move(t(), by, await openCase(t(), w()), 'CLOSE_AT_INTAKE', {
      reason: 'Thông tin trùng với hồ sơ đã có.',
    });
    expect((await records(by, atIntake.id).expect(200)).body.closures).toEqual([
      expect.objectContaining({ event: 'CLOSE_AT_INTAKE', outcome: null, reason: 'Thông tin trùng với hồ sơ đã có.' }),
    ]);
  });

  it('records sessions and family contacts as chain events that change neither the stage nor the version', async () => {
    const c = await toMonitoring();
    const online = {
      ...PAYLOADS.session,
      mode: 'truc_tuyen',
      place: undefined,
      channel: 'zalo',
      ending: 'chuyen_gui',
      referTo: 'Phòng khám tâm lý Bệnh viện Bạch Mai',
      startedAt: '2026-03-01T19:00:00+07:00',
      nextAppointment: undefined,
    };
    const direct = (await post(w().users.counsellorA, c.id, 'sessions', PAYLOADS.session).expect(201)).body;
    // The answer to a write is masked, like every other.
    expect(direct).toMatchObject({
      mode: 'truc_tiep',
      minutes: 45,
      place: null,
      evaluation: null,
      masked: ['place', 'methods', 'evaluation'],
    });
    await post(w().users.supervisorA, c.id, 'sessions', online).expect(201);
    const contact = (await post(w().users.counsellorA, c.id, 'family-contacts', PAYLOADS.familyContact).expect(201))
      .body;

    const after = await caseOf(c.id);
    expect({ state: after.state, version: after.version }).toEqual({ state: c.state, version: c.version });
    const body = (await records(w().users.counsellorA, c.id).expect(200)).body;
    // Oldest first by when it happened: the online session of the evening before comes first.
    expect(body.sessions).toEqual([
      expect.objectContaining({
        mode: 'truc_tuyen',
        channel: 'zalo',
        place: null,
        ending: 'chuyen_gui',
        referTo: online.referTo,
        nextAppointment: null,
      }),
      expect.objectContaining({
        id: direct.id,
        place: 'Phòng tư vấn tầng 2',
        startedAt: '2026-03-02T01:30:00.000Z',
        minutes: 45,
        methods: PAYLOADS.session.methods,
        evaluation: PAYLOADS.session.evaluation,
        ending: 'tiep_tuc',
        nextAppointment: '2026-03-09T01:30:00.000Z',
        areas: [{ code: 'tam_ly', priority: 1 }],
        masked: [],
      }),
    ]);
    expect(body.familyContacts).toEqual([
      expect.objectContaining({
        id: contact.id,
        personName: 'Trần Thị Mai Hương',
        personRelationship: 'mẹ',
        how: 'dien_thoai',
        content: PAYLOADS.familyContact.content,
        agreed: PAYLOADS.familyContact.agreed,
      }),
    ]);

    const history = await historyOf(t(), w().users.supervisorA, c.id);
    expect(history.filter((h) => h.type === 'SESSION_RECORDED' || h.type === 'FAMILY_CONTACT_RECORDED')).toEqual([
      expect.objectContaining({
        type: 'SESSION_RECORDED',
        fromState: 'monitoring',
        toState: 'monitoring',
        actorId: w().users.counsellorA.id,
        payload: expect.objectContaining({ sessionId: direct.id, evaluation: PAYLOADS.session.evaluation }),
      }),
      expect.objectContaining({ type: 'SESSION_RECORDED', actorRole: 'supervisor' }),
      expect.objectContaining({
        type: 'FAMILY_CONTACT_RECORDED',
        payload: expect.objectContaining({ familyContactId: contact.id, person: PAYLOADS.familyContact.person }),
      }),
    ]);
    expect((await verifyOf(t(), w().users.supervisorA, c.id)).valid).toBe(true);

    // Sealed at rest, in the tables and in the trail.
    const [session] = await sealedIn('counselling_session', c.id);
    for (const column of ['place', 'methods', 'evaluation']) expect(session[column]).toMatch(/^dh1:/);
    const [family] = await sealedIn('family_contact', c.id);
    for (const column of ['person_name', 'person_relationship', 'content', 'agreed'])
      expect(family[column]).toMatch(/^dh1:/);
    const trail = (await world.pg.query(`SELECT payload::text AS p FROM audit_event WHERE case_id = $1`, [c.id])).rows
      .map((r) => r.p)
      .join('');
    expect(trail).not.toContain('Trần Thị Mai Hương');
    expect(trail).not.toContain('cởi mở');
  });

  it('seals every confidential column of the stage records', async () => {
    const by = w().users.counsellorA;
    const planning = await move(
      t(),
      by,
      await move(t(), by, await openCase(t(), w()), 'START_ASSESSMENT'),
      'COMPLETE_ASSESSMENT',
      PAYLOADS.assessmentFull(),
    );
    await move(t(), by, planning, 'SUBMIT_PLAN', PAYLOADS.planFull);
    const [a] = await sealedIn('assessment_record', planning.id);
    for (const column of ['risk_rationale', 'difficulties', 'needs', 'wishes', 'facts', 'preliminary_view'])
      expect(a[column]).toMatch(/^dh1:/);
    const [p] = await sealedIn('support_plan', planning.id);
    for (const column of ['goals', 'activities', 'partners', 'resources', 'time_and_place'])
      expect(p[column]).toMatch(/^dh1:/);
    expect({ responsible: p.responsible, form: p.form }).toEqual({ responsible: 'Cô Lan', form: 'truc_tiep' });
  });

  it('shows the content to the case team with one VIEWED event, masked to a principal without a grant and to an auditor', async () => {
    const c = await toMonitoring();
    await post(w().users.counsellorA, c.id, 'family-contacts', PAYLOADS.familyContact).expect(201);
    const before = await viewedCount(c.id);
    for (const reader of [w().users.principalA, w().users.auditorA, w().users.counsellorA2]) {
      const body = (await records(reader, c.id).expect(200)).body;
      expect(body.assessments[0]).toMatchObject({
        riskLevel: 'medium',
        difficulties: null,
        needs: null,
        wishes: null,
        masked: ['riskRationale', 'difficulties', 'needs'],
      });
      expect(body.familyContacts[0]).toMatchObject({
        personName: null,
        content: null,
        how: 'dien_thoai',
        masked: ['personName', 'personRelationship', 'content', 'agreed'],
      });
      expect(JSON.stringify(body)).not.toContain('Mai Hương');
    }
    expect(await viewedCount(c.id)).toBe(before);
    await records(w().users.supervisorA, c.id).expect(200);
    const viewed = (
      await world.pg.query(
        `SELECT actor_role, payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED' ORDER BY seq DESC LIMIT 1`,
        [c.id],
      )
    ).rows[0];
    expect(viewed.actor_role).toBe('supervisor');
    expect(viewed.payload.fields).toEqual(
      expect.arrayContaining(['assessment.difficulties', 'familyContact.personName', 'plan.goals']),
    );
    expect(await viewedCount(c.id)).toBe(before + 1);
  });

  it('records follow-up contacts only in follow-up, each answering the earliest follow-up clock', async () => {
    const open = await toMonitoring();
    const refused = await post(w().users.counsellorA, open.id, 'follow-ups', PAYLOADS.followUp).expect(422);
    expect(refused.body).toMatchObject({
      code: 'NOT_IN_FOLLOW_UP',
      details: { reason: 'not_in_follow_up', state: 'monitoring' },
    });
    expect(refused.body.message).toContain('theo dõi');

    const closed = await move(t(), w().users.counsellorA, open, 'PROPOSE_CLOSURE', { outcome: 'Ổn định.' });
    const clocks = async () => (await caseOf(closed.id)).deadlines as { kind: string }[];
    expect((await clocks()).map((d) => d.kind)).toEqual(['follow_up_30', 'follow_up_90']);
    const first = (await post(w().users.counsellorA, closed.id, 'follow-ups', PAYLOADS.followUp).expect(201)).body;
    expect(first).toMatchObject({
      resultKept: true,
      closedDeadline: 'follow_up_30',
      notes: null,
      masked: ['withWhom', 'notes'],
    });
    expect((await clocks()).map((d) => d.kind)).toEqual(['follow_up_90']);
    t().clock.advance(60_000);
    await post(w().users.supervisorA, closed.id, 'follow-ups', {
      ...PAYLOADS.followUp,
      contactedAt: '2026-03-02T08:50:00+07:00',
      resultKept: false,
      notes: 'Em lại nghỉ học hai buổi.',
    }).expect(201);
    t().clock.advance(60_000);
    await post(w().users.supervisorA, closed.id, 'follow-ups', {
      ...PAYLOADS.followUp,
      contactedAt: '2026-03-02T08:55:00+07:00',
    }).expect(201);
    const body = (await records(w().users.supervisorA, closed.id).expect(200)).body;
    expect(
      body.followUps.map((f: { closedDeadline: string | null; notes: string }) => [f.closedDeadline, f.notes]),
    ).toEqual([
      ['follow_up_30', PAYLOADS.followUp.notes],
      ['follow_up_90', 'Em lại nghỉ học hai buổi.'],
      [null, PAYLOADS.followUp.notes],
    ]);
    expect((await caseOf(closed.id)).version).toBe(closed.version);

    // No more sessions once closed.
    const late = await post(w().users.counsellorA, closed.id, 'sessions', PAYLOADS.session).expect(422);
    expect(late.body).toMatchObject({ code: 'CASE_CLOSED', details: { reason: 'case_closed' } });
    expect(late.body.message).toMatch(/Hồ sơ đã kết thúc/);
    // A family contact is recorded in any stage.
    await post(w().users.counsellorA, closed.id, 'family-contacts', PAYLOADS.familyContact).expect(201);
  });

  it('keeps records to the case team: 403 for a counsellor not assigned, 404 for another school', async () => {
    const c = await toMonitoring();
    expect((await post(w().users.counsellorA2, c.id, 'sessions', PAYLOADS.session).expect(403)).body.code).toBe(
      'NOT_CASE_TEAM',
    );
    await post(w().users.counsellorB, c.id, 'family-contacts', PAYLOADS.familyContact).expect(404);
    await records(w().users.supervisorB, c.id).expect(404);
    expect((await sealedIn('counselling_session', c.id)).length + (await sealedIn('family_contact', c.id)).length).toBe(
      0,
    );
  });

  describe('refusals name the field and store nothing', () => {
    // Each: the case it is tried on, the valid body, then [field, value] pairs each of which must be refused
    // naming the field (undefined: left out).
    type Case = {
      name: string;
      state: () => Promise<CaseBody>;
      send: (
        c: CaseBody,
        body: Record<string, unknown>,
      ) => Promise<{ status: number; body: { details?: { field: string }[] } }>;
      valid: Record<string, unknown>;
      bad: [string, unknown, Record<string, unknown>?][];
    };
    const event = (type: string) => async (c: CaseBody, payload: Record<string, unknown>) =>
      t()
        .http()
        .post(`/api/cases/${c.id}/events`)
        .set(auth(w().users.counsellorA))
        .send({ type, payload, expectedVersion: c.version });
    const endpoint = (path: string) => async (c: CaseBody, body: Record<string, unknown>) =>
      post(w().users.counsellorA, c.id, path, body);
    const assessing = async () => move(t(), w().users.counsellorA, await openCase(t(), w()), 'START_ASSESSMENT');
    const planning = async () =>
      move(t(), w().users.counsellorA, await assessing(), 'COMPLETE_ASSESSMENT', PAYLOADS.assessment());
    const followingUp = async () =>
      move(t(), w().users.counsellorA, await toMonitoring(), 'PROPOSE_CLOSURE', { outcome: 'Ổn định.' });
    const p = (field: string) => `payload.${field}`;
    const planBad: [string, unknown, Record<string, unknown>?][] = [
      [p('goals'), undefined],
      [p('goals'), []],
      [p('goals'), ['Ổn định', ' ']],
      [p('responsible'), undefined],
      [p('responsible'), 7],
      [p('reviewDate'), undefined],
      [p('reviewDate'), '15/04/2026'],
      [p('activities'), ['']],
      [p('form'), 'qua_thu'],
      [p('partners'), 'Trạm y tế'],
      [p('resources'), ''],
      [p('timeAndPlace'), 5],
      [p('endDate'), '2026-02-30'],
    ];
    const closureBad: [string, unknown, Record<string, unknown>?][] = [
      [p('outcome'), undefined],
      [p('outcome'), '  '],
      [p('resultsAchieved'), 1],
      [p('resultsNotAchieved'), ''],
      [p('reason'), []],
      [p('followUpPlan'), false],
    ];
    const CASES: Case[] = [
      {
        name: 'COMPLETE_ASSESSMENT',
        state: assessing,
        send: event('COMPLETE_ASSESSMENT'),
        valid: PAYLOADS.assessmentFull(),
        bad: [
          [p('riskLevel'), undefined],
          [p('riskLevel'), 'rat_cao'],
          [p('riskRationale'), undefined],
          [p('riskRationale'), ' '],
          [p('difficulties'), undefined],
          [p('difficulties'), 12],
          [p('needs'), undefined],
          [p('needs'), ''],
          [p('wishes'), ''],
          [p('facts'), {}],
          [p('preliminaryView'), 3],
          [p('areas'), []],
          [p('areas[0].code'), [{ code: 'the_thao', priority: 1 }]],
          [p('areas[0].priority'), [{ code: 'tam_ly', priority: 0 }]],
          [
            p('areas'),
            [
              { code: 'tam_ly', priority: 1 },
              { code: 'hoc_tap', priority: 3 },
            ],
          ],
          [
            p('areas'),
            [
              { code: 'tam_ly', priority: 1 },
              { code: 'tam_ly', priority: 2 },
            ],
          ],
        ],
      },
      { name: 'SUBMIT_PLAN', state: planning, send: event('SUBMIT_PLAN'), valid: PAYLOADS.planFull, bad: planBad },
      {
        name: 'REVISE_PLAN',
        state: toMonitoring,
        send: event('REVISE_PLAN'),
        valid: { ...PAYLOADS.planFull, reason: 'Hoàn cảnh thay đổi.' },
        bad: [...planBad, [p('reason'), undefined], [p('reason'), '']],
      },
      {
        name: 'PROPOSE_CLOSURE',
        state: toMonitoring,
        send: event('PROPOSE_CLOSURE'),
        valid: PAYLOADS.closureFull,
        bad: closureBad,
      },
      { name: 'CLOSE', state: assessing, send: event('CLOSE'), valid: PAYLOADS.closureFull, bad: closureBad },
      {
        name: 'sessions',
        state: toMonitoring,
        send: endpoint('sessions'),
        valid: PAYLOADS.session,
        bad: [
          ['mode', undefined],
          ['mode', 'qua_thu'],
          ['place', undefined],
          ['place', ' '],
          ['channel', undefined, { mode: 'truc_tuyen' }],
          ['channel', 'fax', { mode: 'truc_tuyen' }],
          ['startedAt', undefined],
          ['startedAt', 'sáng nay'],
          ['startedAt', '2026-03-02T08:30:00'],
          ['startedAt', '2027-03-02T10:00:00+07:00'],
          ['minutes', undefined],
          ['minutes', 0],
          ['minutes', 601],
          ['minutes', 1.5],
          ['minutes', '45'],
          ['methods', undefined],
          ['methods', []],
          ['methods', ['']],
          ['evaluation', undefined],
          ['evaluation', ''],
          ['ending', undefined],
          ['ending', 'ket_thuc'],
          ['referTo', undefined, { ending: 'chuyen_gui' }],
          ['referTo', ' ', { ending: 'chuyen_gui' }],
          ['nextAppointment', 'tuần sau'],
          ['nextAppointment', '2026-03-02T08:00:00+07:00'],
          ['areas[0].code', [{ code: 'x', priority: 1 }]],
        ],
      },
      {
        name: 'family-contacts',
        state: toMonitoring,
        send: endpoint('family-contacts'),
        valid: PAYLOADS.familyContact,
        bad: [
          ['contactedAt', undefined],
          ['contactedAt', '2026-03-02'],
          ['contactedAt', '2027-03-03T08:00:00+07:00'],
          ['person', undefined],
          ['person', 'mẹ'],
          ['person.fullName', { relationship: 'mẹ' }],
          ['person.fullName', { fullName: '', relationship: 'mẹ' }],
          ['person.relationship', { fullName: 'Trần Thị Hoa' }],
          ['how', undefined],
          ['how', 'fax'],
          ['content', undefined],
          ['content', ' '],
          ['agreed', 4],
        ],
      },
      {
        name: 'follow-ups',
        state: followingUp,
        send: endpoint('follow-ups'),
        valid: PAYLOADS.followUp,
        bad: [
          ['contactedAt', undefined],
          ['contactedAt', 'hôm qua'],
          ['contactedAt', '2027-03-03T08:00:00+07:00'],
          ['how', undefined],
          ['how', 'bo_cau'],
          ['withWhom', undefined],
          ['withWhom', ''],
          ['resultKept', undefined],
          ['resultKept', 'có'],
          ['notes', undefined],
          ['notes', ' '],
        ],
      },
    ];

    const stored = async (caseId: string) => {
      const rows = [];
      for (const table of TABLES)
        rows.push(
          Number((await world.pg.query(`SELECT count(*) FROM ${table} WHERE case_id = $1`, [caseId])).rows[0].count),
        );
      // Reads append VIEWED events: not what a refusal must leave alone.
      const events = Number(
        (await world.pg.query(`SELECT count(*) FROM audit_event WHERE case_id = $1 AND type <> 'VIEWED'`, [caseId]))
          .rows[0].count,
      );
      const version = (await world.pg.query(`SELECT version FROM "case" WHERE id = $1`, [caseId])).rows[0].version;
      return { rows, events, version };
    };
    // Sets `field` (a path below the body, or below `payload` for events) to `value`, or leaves it out.
    const withField = (
      valid: Record<string, unknown>,
      field: string,
      value: unknown,
      extra: Record<string, unknown> = {},
    ) => {
      const top = field.replace(/^payload\./, '').split(/[.[]/)[0];
      const body: Record<string, unknown> = { ...valid, ...extra };
      if (extra.mode === 'truc_tuyen') delete body.place;
      if (value === undefined) delete body[top];
      else body[top] = value;
      return body;
    };

    it.each(CASES.map((c) => [c.name, c] as const))(
      '%s: a valid example is accepted; each bad field is refused by name, nothing stored',
      async (_name, c) => {
        const target = await c.state();
        const before = await stored(target.id);
        const wrong: string[] = [];
        for (const [field, value, extra] of c.bad) {
          const res = await c.send(target, withField(c.valid, field, value, extra));
          const named = res.body.details?.map((d) => d.field) ?? [];
          if (res.status !== 400 || !named.includes(field))
            wrong.push(`${field}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(named)}`);
        }
        expect(wrong).toEqual([]);
        expect(await stored(target.id)).toEqual(before);
        const ok = await c.send(target, c.valid);
        expect([200, 201]).toContain(ok.status);
        expect((await stored(target.id)).rows.reduce((a, b) => a + b, 0)).toBe(
          before.rows.reduce((a, b) => a + b, 0) + 1,
        );
      },
    );
  });

  // After the tests above: every record table and every record event holds sealed values by now.
  it('holds sealed only what a module declared to the registry', async () => {
    const found = await sealedNotDeclared(t(), world.pg);
    const tablesWithSealed = new Set(found.sealed.map((c) => c.split('.')[0]));
    expect(TABLES.filter((table) => !tablesWithSealed.has(table))).toEqual([]);
    expect(found).toMatchObject({ columns: [], payloadFields: [], notInSchema: [] });
  });
});

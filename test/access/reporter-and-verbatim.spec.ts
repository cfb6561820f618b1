import { Client } from 'pg';
import { auth, World } from '../support/fixtures';
import { move } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const NASTY = [
  `Robert'); DROP TABLE "case"; --`,
  `<script>alert('xss')</script>`,
  `' OR '1'='1`,
  `\\x27; SELECT pg_sleep(5); --`,
  `Nguyễn "Văn" Đức $1 %s {{7*7}}`,
];

describe('the reporter’s identity, and hostile text kept verbatim', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const counts = async () =>
    (
      await pg.query(
        `SELECT (SELECT count(*) FROM "case")::int AS cases, (SELECT count(*) FROM learner)::int AS learners, (SELECT count(*) FROM app_user)::int AS users`,
      )
    ).rows[0];

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  it('stores and returns injection and script strings verbatim in every text field, and changes nothing else', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    for (const text of NASTY) {
      const before = await counts();
      const learner = await t
        .http()
        .post('/api/learners')
        .set(auth(tv))
        .send({
          schoolId: w.schoolA,
          fullName: text,
          dateOfBirth: '2013-01-01',
          sex: 'khong_ro',
          className: text.slice(0, 50),
          guardians: [{ fullName: text, relationship: text.slice(0, 100) }],
          confirmDistinct: true,
        })
        .expect(201);
      expect(learner.body).toMatchObject({
        fullName: text.trim(),
        className: text.slice(0, 50).trim(),
        guardians: [{ fullName: text, relationship: text.slice(0, 100) }],
      });
      let c = (
        await t
          .http()
          .post('/api/cases')
          .set(auth(tv))
          .send({
            schoolId: w.schoolA,
            learnerId: learner.body.id,
            areas: [{ code: 'tam_ly', priority: 1 }],
            channel: 'hom_thu',
            summary: text,
            riskLevel: 'low',
            riskRationale: text,
            reporter: { anonymous: false, name: text, relationship: text.slice(0, 100) },
          })
          .expect(201)
      ).body;
      c = await move(t, tv, c, 'ADD_NOTE', { text });
      c = await move(t, tv, c, 'CLOSE_AT_INTAKE', { reason: text });
      const read = await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200);
      expect(read.body).toMatchObject({ summary: text, riskRationale: text });
      const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(tv)).expect(200)).body.items;
      expect(history.find((h: { type: string }) => h.type === 'ADD_NOTE').payload.text).toBe(text);
      expect(history.find((h: { type: string }) => h.type === 'CLOSE_AT_INTAKE').payload.reason).toBe(text);
      expect((await t.http().get(`/api/cases/${c.id}/reporter`).set(auth(tt)).expect(200)).body.reporter.name).toBe(
        text,
      );
      const found = await t
        .http()
        .get('/api/learners')
        .query({ q: text.slice(0, 40) })
        .set(auth(tv))
        .expect(200);
      expect(found.body.items.map((i: { id: string }) => i.id)).toContain(learner.body.id);
      expect(await counts()).toEqual({ cases: before.cases + 1, learners: before.learners + 1, users: before.users });
      expect((await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(tt)).expect(200)).body.valid).toBe(true);
    }
  });

  // The counsellor who opened the case reads it too: test/access/reporter-opener.spec.ts.
  it('shows who reported to a supervisor (or a principal with a grant), not to another counsellor, each read audited', async () => {
    const { counsellorA: tv, counsellorA2, supervisorA: tt, principalA: ht, supervisorB } = w.users;
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(tv))
      .send({
        schoolId: w.schoolA,
        fullName: 'Lý Thị Báo',
        dateOfBirth: '2012-02-02',
        sex: 'nu',
        className: '8A',
        confirmDistinct: true,
      })
      .expect(201);
    const c = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(tv))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.body.id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'cha_me',
          summary: 'Mẹ em báo.',
          riskLevel: 'medium',
          riskRationale: 'Ban đầu.',
          reporter: { anonymous: false, name: 'Phạm Thị Mẹ', phone: '0912000111', relationship: 'mẹ' },
        })
        .expect(201)
    ).body;
    await t.http().get(`/api/cases/${c.id}/reporter`).set(auth(counsellorA2)).expect(403);
    await t.http().get(`/api/cases/${c.id}/reporter`).set(auth(ht)).expect(403);
    await t.http().get(`/api/cases/${c.id}/reporter`).set(auth(supervisorB)).expect(404);
    const seen = await t.http().get(`/api/cases/${c.id}/reporter`).set(auth(tt)).expect(200);
    expect(seen.body.reporter).toEqual({
      anonymous: false,
      name: 'Phạm Thị Mẹ',
      phone: '0912000111',
      relationship: 'mẹ',
      contact: null,
    });
    const viewed = (
      await pg.query(`SELECT actor_id, payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED'`, [c.id])
    ).rows;
    expect(viewed).toEqual([{ actor_id: tt.id, payload: { fields: ['reporter'], role: 'supervisor' } }]);
  });
});

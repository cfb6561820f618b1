import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { LearnerNameSkeleton1795000000017 } from '../../migrations/1795000000017-learner-name-skeleton';
import { auth, PASSWORD, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// Issue 12, points 6, 7 and 8: what a learner (and a user) may be recorded as. The clock stands at
// 2026-03-02 09:00 in Hà Nội.
describe('learner and user input', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });

  const count = async (table: 'learner' | 'app_user') =>
    (await pg.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const learner = (fields: Record<string, unknown>) => ({
    schoolId: w.schoolA,
    fullName: 'Đoàn Thị Thu',
    dateOfBirth: '2013-07-07',
    sex: 'nu',
    className: '7A3',
    ...fields,
  });
  const addLearner = (fields: Record<string, unknown>) =>
    t.http().post('/api/learners').set(auth(w.users.counsellorA)).send(learner(fields));
  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

  describe('point 6: a blank name or class is refused, not stored as an empty string', () => {
    it.each([
      ['fullName', { fullName: '   ' }, 'fullName'],
      ['fullName of tabs, newlines and no-break spaces', { fullName: '\t\n\u00a0\u3000' }, 'fullName'],
      ['className', { className: '  ' }, 'className'],
      ['a guardian’s name', { guardians: [{ fullName: ' ', relationship: 'mẹ' }] }, 'guardians[0].fullName'],
      [
        'a guardian’s relationship',
        { guardians: [{ fullName: 'Đoàn Văn Bố', relationship: '\t' }] },
        'guardians[0].relationship',
      ],
    ])('learner: %s', async (_name, fields, field) => {
      const before = await count('learner');
      const res = await addLearner({ ...fields, confirmDistinct: true }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(fieldsOf(res.body)).toEqual([field]);
      expect(await count('learner')).toBe(before);
    });

    it('keeps the words and drops the spaces around them', async () => {
      const res = await addLearner({
        fullName: '  Đoàn  Thị Thu ',
        className: ' 7A3 ',
        guardians: [{ fullName: ' Đoàn Văn Bố ', relationship: ' bố ' }],
        confirmDistinct: true,
      }).expect(201);
      expect(res.body).toMatchObject({
        fullName: 'Đoàn  Thị Thu',
        className: '7A3',
        guardians: [{ fullName: 'Đoàn Văn Bố', relationship: 'bố' }],
      });
    });

    it('user: a blank full name is refused, a padded one trimmed', async () => {
      const admin = auth(w.users.adminW);
      const before = await count('app_user');
      const blank = await t
        .http()
        .post('/api/admin/users')
        .set(admin)
        .send({
          username: 'tv.trang',
          fullName: ' \t ',
          password: PASSWORD,
          roles: ['counsellor'],
          schoolIds: [w.schoolA],
        })
        .expect(400);
      expect(fieldsOf(blank.body)).toEqual(['fullName']);
      expect(await count('app_user')).toBe(before);
      const padded = await t
        .http()
        .post('/api/admin/users')
        .set(admin)
        .send({
          username: 'tv.trang',
          fullName: '  Lê Thu Trang ',
          password: PASSWORD,
          roles: ['counsellor'],
          schoolIds: [w.schoolA],
        })
        .expect(201);
      expect(padded.body.fullName).toBe('Lê Thu Trang');
    });
  });

  describe('point 7: a learner is 3 to 25 years old on the day they are recorded', () => {
    it.each(['9999-01-01', '2030-01-01', '1850-01-01', '2023-03-03', '2000-03-02'])(
      'refuses born %s with 400 in Vietnamese, storing nothing',
      async (dateOfBirth) => {
        const before = await count('learner');
        const res = await addLearner({ dateOfBirth, confirmDistinct: true }).expect(400);
        expect(res.body).toMatchObject({
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          details: [{ field: 'dateOfBirth' }],
        });
        expect(res.body.details[0].problems.join(' ')).toMatch(
          /Ngày sinh không hợp lệ: người học phải từ 3 đến 25 tuổi vào ngày ghi nhận/,
        );
        expect(await count('learner')).toBe(before);
      },
    );

    // Three today (born 2023-03-02), and 25 until tomorrow (born 2000-03-03).
    it.each(['2023-03-02', '2000-03-03', '2013-07-07'])('accepts born %s', async (dateOfBirth) => {
      await addLearner({ dateOfBirth, confirmDistinct: true }).expect(201);
    });

    it('counts the day in TZ_NAME, not in UTC', async () => {
      const before = t.clock.now();
      // 01:00 on 2026-03-03 in Hà Nội, still 2026-03-02 in UTC: born 2023-03-03 is three there, not yet here.
      t.clock.set('2026-03-02T18:00:00Z');
      try {
        await addLearner({ dateOfBirth: '2023-03-03', confirmDistinct: true }).expect(201);
        // ... and born 2000-03-03 turned 26 there.
        await addLearner({ dateOfBirth: '2000-03-03', confirmDistinct: true }).expect(400);
      } finally {
        t.clock.set(before);
      }
    });
  });

  describe('point 8: a look-alike is caught through invisible characters and letters of other scripts', () => {
    const dob = '2012-12-21';
    let original: string;
    beforeAll(async () => {
      original = (await addLearner({ fullName: 'Lê Thị Hoa Mai', dateOfBirth: dob }).expect(201)).body.id;
    });

    it.each([
      ['a zero-width space', 'Lê Thị Ho\u200Ba Mai'],
      ['a soft hyphen and a word joiner', 'Lê Th\u00ADị Hoa\u2060 Mai'],
      ['a Cyrillic а and о', 'Lê Thị H\u043E\u0430 Mai'],
      ['a Cyrillic е, in capitals', 'L\u0415 THỊ HOA MAI'],
      ['a Greek ο and ι', 'Lê Th\u03B9̣ H\u03BFa Mai'],
    ])('%s: 409 with the existing id', async (_name, fullName) => {
      const before = await count('learner');
      const res = await addLearner({ fullName, dateOfBirth: dob }).expect(409);
      expect(res.body).toMatchObject({ code: 'LEARNER_LOOKS_LIKE_EXISTING', details: { existingId: original } });
      expect(await count('learner')).toBe(before);
    });

    it('stores the name as typed, and finds it with and without the look-alike letters', async () => {
      const typed = 'Lê Thị H\u043E\u0430 Mai\u200B';
      const res = await addLearner({ fullName: typed, dateOfBirth: dob, confirmDistinct: true }).expect(201);
      expect(res.body.fullName).toBe(typed);
      expect((await pg.query(`SELECT full_name FROM learner WHERE id = $1`, [res.body.id])).rows[0].full_name).toBe(
        typed,
      );
      for (const q of ['hoa mai', 'H\u043E\u0430', 'ho\u200Ba']) {
        const found = (
          await t.http().get('/api/learners').query({ q }).set(auth(w.users.counsellorA)).expect(200)
        ).body.items.map((i: { id: string }) => i.id);
        expect({ q, found: found.sort() }).toEqual({ q, found: [original, res.body.id].sort() });
      }
    });

    it('keeps Vietnamese names apart that were apart', async () => {
      await addLearner({ fullName: 'Lê Văn Lâm', dateOfBirth: dob }).expect(201);
      await addLearner({ fullName: 'Lê Văn Lan', dateOfBirth: dob }).expect(201);
      await addLearner({ fullName: 'Lê Văn Lân', dateOfBirth: dob }).expect(409);
      const found = (await t.http().get('/api/learners').query({ q: 'lâm' }).set(auth(w.users.counsellorA)).expect(200))
        .body.items;
      expect(found.map((i: { fullName: string }) => i.fullName)).toEqual(['Lê Văn Lâm']);
      // Listed in the alphabet's order, not the skeleton's (where "Lâm" is "larn").
      const both = (
        await t.http().get('/api/learners').query({ q: 'le van l' }).set(auth(w.users.counsellorA)).expect(200)
      ).body.items;
      expect(both.map((i: { fullName: string }) => i.fullName)).toEqual(['Lê Văn Lâm', 'Lê Văn Lan']);
    });

    it('catches a learner recorded before the change, once migration 017 has computed the keys of those already stored', async () => {
      const migration = new LearnerNameSkeleton1795000000017();
      const runner = t.app.get(DataSource).createQueryRunner();
      let oldId: string;
      try {
        await migration.down(runner);
        // A row as the previous version wrote it: no skeleton yet.
        ({
          rows: [{ id: oldId }],
        } = await pg.query(
          `INSERT INTO learner (school_id, full_name, name_key, date_of_birth, sex, class_name, guardians)
           SELECT school_id, 'Tạ Minh Tâm', 'ta minh tam', date_of_birth, sex, class_name, guardians FROM learner WHERE id = $1 RETURNING id`,
          [original],
        ));
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      const res = await addLearner({ fullName: 'Tạ Minh T\u0430m', dateOfBirth: dob }).expect(409);
      expect(res.body.details).toEqual({ existingId: oldId });
      const found = (
        await t.http().get('/api/learners').query({ q: 'minh t\u0430m' }).set(auth(w.users.counsellorA)).expect(200)
      ).body.items;
      expect(found.map((i: { id: string }) => i.id)).toEqual([oldId]);
      // The learners stored before the round trip are found as before.
      await addLearner({ fullName: 'Lê Thị Ho\u200Ba Mai', dateOfBirth: dob }).expect(409);
    });
  });
});

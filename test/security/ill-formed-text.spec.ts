import type { Test } from 'supertest';
import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { FRESH_WINDOWS_MS, INTAKE_PATH } from '../support/intake-helpers';

// Bytes that are not UTF-8 (0xC3 opens a two-byte sequence, 0x28 is "(" and cannot continue it), sent inside a string.
const INVALID_UTF8 = Buffer.from([0xc3, 0x28]);
// A JSON body whose string at `marker` carries the raw bytes instead: the rest is ordinary JSON.
const withRawBytes = (body: Record<string, unknown>, marker: string): Buffer => {
  const [before, after] = JSON.stringify(body).split(marker);
  return Buffer.concat([Buffer.from(before), INVALID_UTF8, Buffer.from(after)]);
};
// JSON.stringify writes a lone surrogate as the escape `\ud800`: valid JSON, ill-formed text.
const LONE = '\ud800';

const TABLES = ['learner', 'app_user', 'school', 'ward', 'service_provider', '"case"'];

describe('text that is not well-formed Unicode is refused with 400 naming the field, and nothing is stored', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const learner = () => ({
    schoolId: w.schoolA,
    fullName: 'Lê Thị Hoa',
    dateOfBirth: '2013-05-14',
    sex: 'nu',
    className: '7A1',
    guardians: [{ fullName: 'Lê Văn Nam', relationship: 'bố', phone: '0912345678' }],
    confirmDistinct: true,
  });
  const user = (username: string) => ({
    username,
    fullName: 'Phạm Thu Trang',
    password: 'mat-khau-dai-du',
    roles: ['counsellor'],
    schoolIds: [w.schoolA],
  });
  const provider = () => ({ name: 'Trạm Y tế phường', kind: 'y_te', notes: 'Mở cửa buổi sáng' });
  const fieldsOf = (details: unknown) =>
    Array.isArray(details) ? details.map((d: { field: string }) => d.field) : details;
  const counts = async () => {
    const rows: Record<string, number> = {};
    for (const table of TABLES)
      rows[table] = Number((await world.pg.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    return rows;
  };
  // superagent would serialise a Buffer as JSON ({"type":"Buffer",…}): the bytes go out as they are.
  const json = (req: Test, body: string | Buffer) =>
    req
      .set('Content-Type', 'application/json')
      .serialize((b: string | Buffer) => b as string)
      .send(body as string);

  it('refuses invalid UTF-8 bytes, on a route without login and with one, naming the field even when nested', async () => {
    const before = await counts();
    t.clock.advance(FRESH_WINDOWS_MS);
    const cases: [string, () => Test, Buffer, string][] = [
      [
        'learner',
        () => t.http().post('/api/learners').set(auth(w.users.counsellorA)),
        withRawBytes({ ...learner(), fullName: 'Nguy@@n' }, '@@'),
        'fullName',
      ],
      [
        'guardian',
        () => t.http().post('/api/learners').set(auth(w.users.counsellorA)),
        withRawBytes({ ...learner(), guardians: [{ fullName: 'Tr@@n', relationship: 'mẹ' }] }, '@@'),
        'guardians[0].fullName',
      ],
      [
        'public report',
        () => t.http().post(INTAKE_PATH),
        withRawBytes({ schoolCode: 'TA', whatIsHappening: 'Bạn @@ bị bắt nạt' }, '@@'),
        'whatIsHappening',
      ],
      [
        'user',
        () => t.http().post('/api/admin/users').set(auth(w.users.adminW)),
        withRawBytes(user('tv.bytes'), 'Thu'),
        'fullName',
      ],
    ];
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [name, post, body, field] of cases) {
      const res = await json(post(), body);
      seen[name] = { status: res.status, code: res.body.code, fields: fieldsOf(res.body.details) };
      expected[name] = { status: 400, code: 'VALIDATION_FAILED', fields: [field] };
    }
    expect(seen).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it('refuses lone surrogates wherever a string is written, naming the field', async () => {
    const before = await counts();
    const admin = auth(w.users.adminW);
    t.clock.advance(FRESH_WINDOWS_MS);
    const cases: [string, Test, object, string][] = [
      [
        'learner',
        t.http().post('/api/learners').set(auth(w.users.counsellorA)),
        { ...learner(), fullName: `Hoa${LONE}` },
        'fullName',
      ],
      [
        'guardian',
        t.http().post('/api/learners').set(auth(w.users.counsellorA)),
        { ...learner(), guardians: [{ fullName: 'Lê Văn Nam', relationship: `b${LONE}` }] },
        'guardians[0].relationship',
      ],
      [
        'public report',
        t.http().post(INTAKE_PATH),
        { schoolCode: 'TA', whatIsHappening: `Bạn ấy bị đánh ${LONE}` },
        'whatIsHappening',
      ],
      [
        'user',
        t.http().post('/api/admin/users').set(admin),
        { ...user('tv.lone'), fullName: `\udc00Trang` },
        'fullName',
      ],
      ['ward', t.http().post('/api/admin/wards').set(admin), { code: 'LW', name: `Phường ${LONE}` }, 'name'],
      [
        'school',
        t.http().post('/api/admin/schools').set(admin),
        { wardId: w.ward, code: 'LS', name: `Trường ${LONE}` },
        'name',
      ],
      [
        'directory',
        t.http().post('/api/admin/directory').set(admin),
        { ...provider(), notes: `ghi chú ${LONE}` },
        'notes',
      ],
      [
        'a key',
        t.http().post('/api/learners').set(auth(w.users.counsellorA)),
        { ...learner(), [`x${LONE}`]: 1 },
        `x${LONE}`,
      ],
    ];
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [name, post, body, field] of cases) {
      const res = await json(post, JSON.stringify(body));
      seen[name] = {
        status: res.status,
        fields: fieldsOf(res.body.details),
        problem: res.body.details?.[0]?.problems?.[0],
      };
      expected[name] = { status: 400, fields: [field], problem: expect.stringMatching(/well-formed Unicode/) };
    }
    expect(seen).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it('keeps text that is well-formed, a typed U+FFFD and emoji included, and answers what it stored, as a later read shows', async () => {
    const odd = 'Hoa \ufffd 🌸 Nguyễn (dấu tổ hợp: Nguyê\u0303n)';
    const admin = auth(w.users.adminW);

    const createdLearner = (
      await t
        .http()
        .post('/api/learners')
        .set(auth(w.users.counsellorA))
        .send({ ...learner(), fullName: odd, className: ' 7A3 ' })
        .expect(201)
    ).body;
    const listed = (await t.http().get('/api/learners').query({ q: 'hoa' }).set(auth(w.users.counsellorA)).expect(200))
      .body.items;
    // Family details follow their own reading rules (who may see them): the learner's own fields are compared.
    const own = ({
      id,
      schoolId,
      fullName,
      dateOfBirth,
      sex,
      className,
      createdAt,
      updatedAt,
    }: Record<string, unknown>) => ({ id, schoolId, fullName, dateOfBirth, sex, className, createdAt, updatedAt });
    expect(listed.map(own)).toContainEqual(own(createdLearner));
    expect(createdLearner).toMatchObject({ fullName: odd, className: '7A3' });

    const createdUser = (
      await t
        .http()
        .post('/api/admin/users')
        .set(admin)
        .send({ ...user('tv.odd'), fullName: ` ${odd} ` })
        .expect(201)
    ).body;
    expect((await t.http().get('/api/admin/users').set(admin).expect(200)).body.items).toContainEqual(createdUser);
    expect(createdUser.fullName).toBe(odd);

    const createdSchool = (
      await t.http().post('/api/admin/schools').set(admin).send({ wardId: w.ward, code: 'OD', name: odd }).expect(201)
    ).body;
    expect((await t.http().get('/api/admin/schools').set(admin).expect(200)).body.items).toContainEqual(createdSchool);

    const createdProvider = (
      await t
        .http()
        .post('/api/admin/directory')
        .set(admin)
        .send({ ...provider(), wardId: w.ward, notes: odd })
        .expect(201)
    ).body;
    expect((await t.http().get(`/api/directory/${createdProvider.id}`).set(admin).expect(200)).body).toEqual(
      createdProvider,
    );
  });
});
